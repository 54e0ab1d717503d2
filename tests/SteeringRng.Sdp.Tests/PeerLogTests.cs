using SteeringRng.Peers;

namespace SteeringRng.Sdp.Tests;

public class PeerLogTests
{
    [Theory]
    [InlineData(0, PeerClaim.Solved)]
    [InlineData(1, PeerClaim.PrimalInfeasible)]
    [InlineData(2, PeerClaim.DualInfeasible)]
    [InlineData(3, PeerClaim.Solved)]
    [InlineData(4, PeerClaim.IterationLimit)]
    [InlineData(5, PeerClaim.Failed)]
    [InlineData(6, PeerClaim.Failed)]
    [InlineData(7, PeerClaim.Failed)]
    [InlineData(8, PeerClaim.Failed)]
    [InlineData(9, PeerClaim.Failed)]
    [InlineData(10, PeerClaim.Failed)]
    [InlineData(201, PeerClaim.Failed)]
    public void Csdp_exit_codes_map_to_claims(int code, PeerClaim claim) =>
        Assert.Equal(claim, CsdpExitCodes.Interpret(code, "").Claim);

    [Fact]
    public void Csdp_iterations_are_the_last_Iter_line()
    {
        const string log = "CSDP 6.2.0\nIter:  0 Ap: 0.00e+00 Pobj: 1\nIter: 17 Ap: 1.00e+00 Pobj: 2\nSuccess: SDP solved\n";
        Assert.Equal(17, CsdpExitCodes.Interpret(0, log).Iterations);
    }

    [Theory]
    [InlineData("DSDP Converged. \nDSDP Dual Unbounded, Primal Infeasible\n", PeerClaim.PrimalInfeasible)]
    [InlineData("DSDP Converged. \nDSDP Primal Unbounded, Dual Infeasible\n", PeerClaim.DualInfeasible)]
    [InlineData("DSDP Converged. \n", PeerClaim.Solved)]
    [InlineData("DSDP Terminated Due Maximum Number of Iterations\n", PeerClaim.IterationLimit)]
    [InlineData("DSDP Terminated Due to Small Steps\n", PeerClaim.Failed)]
    [InlineData("", PeerClaim.Failed)]
    public void Dsdp_log_lines_map_to_claims(string log, PeerClaim claim) =>
        Assert.Equal(claim, DsdpLog.Interpret(0, log).Claim);

    [Fact]
    public void Dsdp_iterations_are_the_last_table_row()
    {
        const string log = """
            Iter   PP Objective      DD Objective    PInfeas   DInfeas     Nu     StepLength   Pnrm
            ---------------------------------------------------------------------------------------
            0     1.00000000e+02   -5.00000000e+02   2.0e+00   0.0e+00   7.1e+00  0.00  0.00   0.00
            8    -2.23606789e+00   -2.23606798e+00   2.7e-22   0.0e+00   1.1e-09  1.00  0.18   1.66
            DSDP Converged.
            Read Data File into Buffer:      1.321e-04 seconds
            """;
        Assert.Equal(8, DsdpLog.Interpret(0, log).Iterations);
    }
}
