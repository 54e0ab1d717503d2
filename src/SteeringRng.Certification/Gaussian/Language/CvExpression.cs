using System.Globalization;

namespace SteeringRng.Certification.Gaussian.Language;

/// <summary>
/// A real expression of a CV scenario (the scenario language's arithmetic, dsl/grammar.md): numbers, parameters,
/// <c>pi</c>, + − * / ^, parentheses and sqrt exp log cos sin tan abs. Evaluated at each sweep point.
/// </summary>
public abstract record CvExpression(int Column, int Length)
{
    public abstract double Evaluate(IReadOnlyDictionary<string, double> values);

    /// <summary>Names of parameters the expression uses.</summary>
    public abstract IEnumerable<(string Name, int Column)> Names();

    public sealed record Number(double Value, int Column, int Length) : CvExpression(Column, Length)
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values) => Value;
        public override IEnumerable<(string, int)> Names() => [];
    }

    public sealed record Name(string Text, int Column, int Length) : CvExpression(Column, Length)
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values) =>
            Text == "pi" ? Math.PI : values[Text];
        public override IEnumerable<(string, int)> Names() => Text == "pi" ? [] : [(Text, Column)];
    }

    public sealed record Unary(char Op, CvExpression Operand, int Column, int Length) : CvExpression(Column, Length)
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values) => -Operand.Evaluate(values);
        public override IEnumerable<(string, int)> Names() => Operand.Names();
    }

    public sealed record Binary(char Op, CvExpression Left, CvExpression Right, int Column, int Length) : CvExpression(Column, Length)
    {
        public override double Evaluate(IReadOnlyDictionary<string, double> values)
        {
            double a = Left.Evaluate(values), b = Right.Evaluate(values);
            return Op switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                '/' => b == 0 ? throw new CvEvaluationException("division by zero", this) : a / b,
                _ => Math.Pow(a, b),
            };
        }
        public override IEnumerable<(string, int)> Names() => Left.Names().Concat(Right.Names());
    }

    public sealed record Call(string Function, CvExpression Argument, int Column, int Length) : CvExpression(Column, Length)
    {
        public static readonly string[] Functions = ["sqrt", "exp", "log", "cos", "sin", "tan", "abs"];
        public override double Evaluate(IReadOnlyDictionary<string, double> values)
        {
            double x = Argument.Evaluate(values);
            return Function switch
            {
                "sqrt" => Math.Sqrt(x),
                "exp" => Math.Exp(x),
                "log" => Math.Log(x),
                "cos" => Math.Cos(x),
                "sin" => Math.Sin(x),
                "tan" => Math.Tan(x),
                _ => Math.Abs(x),
            };
        }
        public override IEnumerable<(string, int)> Names() => Argument.Names();
    }

    public static string Format(double x) => x.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>An expression that cannot be evaluated at a point (located at the sub-expression).</summary>
public sealed class CvEvaluationException(string message, CvExpression where) : Exception(message)
{
    public CvExpression Where { get; } = where;
}
