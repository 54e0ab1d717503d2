using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SteeringRng.Certification.Input;

/// <summary>
/// Opens a file for reading without ever blocking in open(2). A named pipe (FIFO) with no writer blocks a plain open
/// forever (issue 16: `steer run fifo.scn` hung); opened with O_NONBLOCK it returns at once, and the caller refuses what
/// is not seekable (pipes, sockets, terminals: a scenario or data file is read more than once, e.g. for its SHA-256
/// fingerprint, which a pipe cannot give). Endless seekable devices (/dev/zero) stay readable: the size limit stops them.
/// On systems without FIFOs of this kind (Windows) it is an ordinary open.
/// </summary>
public static class NonBlockingOpen
{
    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open(string path, int flags);

    // O_RDONLY = 0 everywhere; O_NONBLOCK and O_CLOEXEC differ: Linux 0x800, 0x80000; macOS 0x4, 0x1000000.
    private static int Flags => OperatingSystem.IsMacOS() ? 0x4 | 0x1000000 : 0x800 | 0x80000;

    /// <exception cref="IOException">The file cannot be opened, or it is a pipe, socket or terminal (not seekable).</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static FileStream ForReading(string path)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()))
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        var fd = Open(path, Flags);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno == 13) throw new UnauthorizedAccessException($"permission denied: '{path}'"); // EACCES
            throw new IOException($"cannot open '{path}': {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        FileStream stream;
        try { stream = new FileStream(handle, FileAccess.Read, bufferSize: 1); }
        catch { handle.Dispose(); throw; }
        if (!stream.CanSeek)
        {
            stream.Dispose();
            throw new IOException($"'{path}' is not a regular file (a named pipe, socket or terminal); give a file");
        }
        return stream;
    }
}
