using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SteeringRng.Sdp.Certificates;

/// <summary>
/// A value that depends only on a problem's A, b and blocks (<see cref="RealProblem.CacheKey"/>), computed once per
/// sweep. Parallel sweep points ask for it at the same moment: <see cref="ConditionalWeakTable{TKey, TValue}.GetValue"/>
/// stores exactly one <see cref="Lazy{T}"/> per key and the Lazy runs the computation once, so the expensive ones (the
/// auxiliary SDP of <see cref="InteriorPoint"/>, the Gram factor, the pivot plan) are not repeated by every thread
/// that missed the cache. The entry goes when the problem shape is no longer referenced.
/// </summary>
/// <remarks>T carries Lazy&lt;T&gt;'s own annotation (its parameterless constructor may be used), which trimming and Native AOT
/// check (IL2091).</remarks>
internal sealed class ShapeCache<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>
{
    private readonly ConditionalWeakTable<object, Lazy<T>> _table = new();

    public T Get(RealProblem problem, Func<RealProblem, T> compute) =>
        _table.GetValue(problem.CacheKey, _ => new Lazy<T>(() => compute(problem), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
