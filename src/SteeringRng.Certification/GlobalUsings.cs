// POVMs of the untrusted parties, indexed [party][setting][outcome].
global using Povms = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<MathNet.Numerics.LinearAlgebra.Matrix<System.Numerics.Complex>>>>;
