using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SteeringRng.Cli.Tests;

/// <summary>
/// A real single-node Slurm cluster on localhost for one test: slurm.conf, state, spool and logs in a temporary folder,
/// loopback ports chosen free, slurmctld and slurmd as foreground (-D) children of the test, stopped (with every job
/// cancelled first) on Dispose even when the test failed. Authentication is auth/none where this Slurm still has the
/// plugin (Debian's 22.05 does), else munge with a key and socket of its own. SLURM_CONF points the clients (sbatch,
/// squeue, scontrol, and steer slurm --submit) at it while it runs.
/// </summary>
internal sealed class LocalSlurm : IDisposable
{
    private readonly List<Process> _daemons = [];
    private readonly string? _previousConf = Environment.GetEnvironmentVariable("SLURM_CONF");
    private readonly List<string> _jobs = [];

    public string Folder { get; } = Directory.CreateTempSubdirectory("steer-slurm-").FullName;
    public string Conf => Path.Combine(Folder, "slurm.conf");

    /// <summary>The authentication in use: "auth/none" or "munge".</summary>
    public string Auth { get; private set; } = "auth/none";

    /// <summary>Why no cluster can be started here (not root, binaries missing), or null.</summary>
    public static string? CannotStart()
    {
        if (!OperatingSystem.IsLinux()) return "Slurm runs on Linux only";
        if (!Environment.IsPrivilegedProcess) return "slurmd must run as root (this test is not root)";
        var missing = new[] { "slurmctld", "slurmd", "sbatch", "squeue", "scontrol", "scancel", "sinfo" }.Where(p => Find(p) is null).ToList();
        if (missing.Count > 0) return $"Slurm programs not found: {string.Join(", ", missing)} (apt-get install slurm-wlm munge)";
        if (AuthNonePlugin() is null && (Find("munged") is null || Find("mungekey") is null))
            return "this Slurm has no auth/none plugin and munge (munged, mungekey) is not installed";
        return null;
    }

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/sbin", "/usr/local/sbin"])
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);

    private static string? AuthNonePlugin() =>
        new[] { "/usr/lib/x86_64-linux-gnu/slurm-wlm", "/usr/lib/aarch64-linux-gnu/slurm-wlm", "/usr/lib64/slurm", "/usr/lib/slurm", "/usr/local/lib/slurm" }
            .Select(dir => Path.Combine(dir, "auth_none.so")).FirstOrDefault(File.Exists);

    /// <summary>Writes the configuration, starts the daemons and waits until the node is idle.</summary>
    /// <exception cref="InvalidOperationException">A daemon did not come up (the logs are in the message).</exception>
    public void Start(int cpus = 2)
    {
        foreach (var sub in new[] { "state", "spool", "log" }) Directory.CreateDirectory(Path.Combine(Folder, sub));
        var auth = "AuthType=auth/none\nCredType=cred/none";
        if (AuthNonePlugin() is null || Environment.GetEnvironmentVariable("STEER_TEST_SLURM_AUTH") == "munge")
        {
            auth = StartMunge();
            Auth = "munge";
        }
        var (ctldPort, slurmdPort) = (FreePort(), FreePort());
        File.WriteAllText(Conf, $"""
            ClusterName=steertest
            SlurmctldHost=localhost
            SlurmctldPort={ctldPort}
            SlurmdPort={slurmdPort}
            {auth}
            SlurmUser=root
            SlurmdUser=root
            StateSaveLocation={Folder}/state
            SlurmdSpoolDir={Folder}/spool
            SlurmctldPidFile={Folder}/slurmctld.pid
            SlurmdPidFile={Folder}/slurmd.pid
            SlurmctldLogFile={Folder}/log/slurmctld.log
            SlurmdLogFile={Folder}/log/slurmd.log
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            JobAcctGatherType=jobacct_gather/none
            AccountingStorageType=accounting_storage/none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_CPU
            MpiDefault=none
            ReturnToService=2
            MinJobAge=600
            NodeName=localhost CPUs={cpus} State=UNKNOWN
            PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
            """.Replace("\r", ""));
        Environment.SetEnvironmentVariable("SLURM_CONF", Conf);
        Daemon("slurmctld", "-D", "-f", Conf);
        Daemon("slurmd", "-D", "-f", Conf, "-N", "localhost");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var (code, state) = Client("sinfo", "-h", "-o", "%T");
            if (code == 0 && state.Trim() == "idle") return;
            if (_daemons.Any(d => d.HasExited)) break;
            Thread.Sleep(500);
        }
        throw new InvalidOperationException("the local Slurm did not come up:\n" + Logs());
    }

    /// <summary>Jobs to cancel on Dispose if they are still there.</summary>
    public void Track(params string[] jobIds) => _jobs.AddRange(jobIds);

    /// <summary>Runs a Slurm client with this cluster's configuration; returns its exit code and stdout.</summary>
    public (int Code, string Stdout) Client(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(program) ?? program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["SLURM_CONF"] = Conf;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(30_000)) { process.Kill(true); return (-1, stdout); }
        _ = stderr.Result;
        return (process.ExitCode, stdout);
    }

    /// <summary>The job's state word (PENDING, RUNNING, COMPLETED, FAILED, …), from scontrol (no accounting here).</summary>
    public IReadOnlyList<Dictionary<string, string>> Jobs(string jobId)
    {
        var (_, text) = Client("scontrol", "-o", "show", "job", jobId);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(kv => kv.Split('=', 2)).Where(kv => kv.Length == 2)
                .GroupBy(kv => kv[0]).ToDictionary(g => g.Key, g => g.First()[1]))
            .ToList();
    }

    public string Logs() => string.Join("\n", Directory.EnumerateFiles(Path.Combine(Folder, "log")).Select(f =>
        $"--- {Path.GetFileName(f)}\n{string.Join("\n", File.ReadLines(f).TakeLast(20))}"));

    private string StartMunge()
    {
        var key = Path.Combine(Folder, "munge.key");
        var socket = Path.Combine(Folder, "munge.socket");
        using (var create = Process.Start(Find("mungekey")!, ["--create", "--keyfile", key])) create.WaitForExit();
        Daemon("munged", "--foreground", "--force", "--socket", socket, "--key-file", key,
            "--pid-file", Path.Combine(Folder, "munged.pid"), "--log-file", Path.Combine(Folder, "log", "munged.log"),
            "--seed-file", Path.Combine(Folder, "munged.seed"));
        for (var i = 0; i < 40 && !File.Exists(socket); i++) Thread.Sleep(250);
        return $"AuthType=auth/munge\nCredType=cred/munge\nAuthInfo=socket={socket}";
    }

    private void Daemon(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(program)!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.Environment["SLURM_CONF"] = Conf;
        var process = Process.Start(start)!;
        // Drained into files so a chatty daemon never blocks on a full pipe.
        var log = Path.Combine(Folder, "log", program + ".console");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_daemons) File.AppendAllText(log, e.Data + "\n"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_daemons) File.AppendAllText(log, e.Data + "\n"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _daemons.Add(process);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            // Jobs first (their slurmstepd processes are not children of slurmd), while the controller can still cancel them.
            if (_jobs.Count > 0 && _daemons.Count > 0 && !_daemons[0].HasExited)
            {
                Client("scancel", [.. _jobs]);
                for (var i = 0; i < 20 && Client("squeue", "-h").Stdout.Trim().Length > 0; i++) Thread.Sleep(500);
            }
        }
        finally
        {
            foreach (var daemon in Enumerable.Reverse(_daemons))
            {
                try { if (!daemon.HasExited) { daemon.Kill(entireProcessTree: true); daemon.WaitForExit(10_000); } }
                catch (InvalidOperationException) { } // already gone
                daemon.Dispose();
            }
            Environment.SetEnvironmentVariable("SLURM_CONF", _previousConf);
            try { Directory.Delete(Folder, recursive: true); }
            catch (IOException) { } // a socket or a file a dying daemon still writes; the temp folder is the system's to clean
        }
    }
}
