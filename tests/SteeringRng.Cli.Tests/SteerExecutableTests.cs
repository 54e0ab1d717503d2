using SteeringRng.Cli.Sharding;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// The steer command line the Slurm scripts get, for each way steer can be started: through the dotnet host, as the
/// apphost, or as the Native AOT binary (where Assembly.Location is empty, so the folder must locate the assembly).
/// </summary>
public sealed class SteerExecutableTests
{
    [Fact]
    public void Through_the_dotnet_host_the_command_names_the_host_and_the_assembly_in_the_application_folder() =>
        Assert.Equal("/usr/lib/dotnet/dotnet /opt/steer/steer.dll", SteerExecutable.Command("/usr/lib/dotnet/dotnet", "/opt/steer/"));

    [Theory]
    [InlineData("/opt/steer/steer", "/opt/steer/steer")]
    [InlineData("/opt/my tools/steer", "'/opt/my tools/steer'")]
    public void A_native_or_apphost_steer_is_the_whole_command(string process, string expected) =>
        Assert.Equal(expected, SteerExecutable.Command(process, "/somewhere/else/"));

    [Fact]
    public void The_assembly_it_names_is_the_one_the_test_run_loaded() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, SteerExecutable.AssemblyFile)),
            $"{SteerExecutable.AssemblyFile} is not in {AppContext.BaseDirectory}: the constant no longer matches the CLI's AssemblyName");

    [Fact]
    public void Without_a_known_process_path_the_user_is_told_to_give_steer() =>
        Assert.Contains("--steer", Assert.Throws<InvalidOperationException>(() => SteerExecutable.Command(null, "/opt/steer/")).Message);
}
