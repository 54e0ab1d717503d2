namespace SteeringRng.Peers;

/// <summary>
/// A fresh, private temporary folder for one peer run (peers read and write fixed file names such as
/// param.csdp in their working folder, so runs must not share one). Deleted on dispose.
/// </summary>
public sealed class PeerWorkspace : IDisposable
{
    public PeerWorkspace(string solverName)
    {
        Folder = Path.Combine(Path.GetTempPath(), $"steeringrng-{solverName}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string fileName) => Path.Combine(Folder, fileName);

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* a file still held by a dying process: the OS temp cleaner takes it */ }
        catch (UnauthorizedAccessException) { /* likewise */ }
    }
}
