#!/usr/bin/python3
"""Writes the data files of samples/ghz3-assemblage.scn with NumPy alone (independently of SteeringRng):

  ghz3-exact.npy  the assemblage of the GHZ state (|000> + |111>)/sqrt(2) (Alice trusted, Bob and Charlie measuring
                  X, Y, Z), sigma_{bc|yz} = Tr_BC[(I x M_b|y x M_c|z) |GHZ><GHZ|], exact in binary (entries 0, +-1/8, +-i/8);
  ghz3-noisy.npy  the assemblage of the noisy GHZ state 0.9 |GHZ><GHZ| + 0.1 I/8 (white noise gives I/8 per block),
                  plus seeded Hermitian Gaussian noise (standard deviation 1e-3 per real and imaginary part), as a
                  tomographed assemblage would be: not no-signalling, not normalised, so the scenario repairs it.

Axes (settings of Bob, Charlie; outcomes of Bob, Charlie; row, column) = (3, 3, 2, 2, 2, 2), complex128, C order
(docs/formulations/measured-data.md). Outcome 0 of X, Y, Z is the +1 eigenvector (|+>, |+i>, |0>).
Prints the Frobenius norm of the noise: the repaired data are at most this far from the noisy data, because the exact
data are a valid assemblage and the repair is the nearest one (samples/expected.json checks the repair distance against it).
Run: /usr/bin/python3 samples/data/make-ghz3-assemblage.py
"""
import os
import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
s = 1 / np.sqrt(2)
bases = {  # columns: outcome 0, outcome 1
    "X": np.array([[s, s], [s, -s]], dtype=complex),
    "Y": np.array([[s, s], [1j * s, -1j * s]], dtype=complex),
    "Z": np.eye(2, dtype=complex),
}
settings = ["X", "Y", "Z"]
ghz = np.zeros(8, dtype=complex)
ghz[0] = ghz[7] = s
rho = np.outer(ghz, ghz.conj()).reshape(2, 2, 2, 2, 2, 2)  # (a, b, c, a', b', c')

sigma = np.zeros((3, 3, 2, 2, 2, 2), dtype=complex)
for y, sy in enumerate(settings):
    for z, sz in enumerate(settings):
        for b in range(2):
            for c in range(2):
                pb = np.outer(bases[sy][:, b], bases[sy][:, b].conj())
                pc = np.outer(bases[sz][:, c], bases[sz][:, c].conj())
                # Tr_BC[(I x P_b x P_c) rho] = sum over b', c' of rho[a, b', c', a', b'', c''] (P_b)[b'', b'] (P_c)[c'', c']
                # Tr_BC[(I x P x Q) rho]_{ad} = sum rho[a, b, c, d, e, f] P[e, b] Q[f, c]
                sigma[y, z, b, c] = np.einsum("abcdef,eb,fc->ad", rho, pb, pc)
np.save(os.path.join(here, "ghz3-exact.npy"), sigma)

rng = np.random.default_rng(20240201)
g = rng.normal(0, 1e-3, sigma.shape) + 1j * rng.normal(0, 1e-3, sigma.shape)
noise = (g + np.conj(np.swapaxes(g, -1, -2))) / 2
#  (noise added to an interior point: near a pure state the nearest no-signalling assemblage can be post-quantum,
#   where the Q_k relaxations are infeasible; docs/formulations/measured-data.md, "Repair")
mu = 0.9
noisy = mu * sigma + (1 - mu) * np.eye(2) / 8 + noise
np.save(os.path.join(here, "ghz3-noisy.npy"), noisy)
print("Frobenius norm of the noise:", np.sqrt(np.sum(np.abs(noise) ** 2)))
print("least eigenvalue of the noisy blocks:", min(np.linalg.eigvalsh(noisy).ravel()))
