using System.Collections.Generic;
using System.Collections.Immutable;
using VisMooc.Generators.Model;

namespace VisMooc.Generators.Validation;

/// <summary>Checks <c>[EdxInput]</c> declarations and their <c>[RawField]</c>s and turns a valid one into an <see cref="InputSpec"/>.</summary>
internal static class InputValidator
{
    public static ValidatedInput Validate(DeclaredInput input, System.Threading.CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<DiagnosticInfo>();
        string name = input.Name;
        void Invalid(LocationInfo? at, string problem) =>
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, at, name, problem));

        if (!input.Extendable)
        {
            Invalid(input.Identifier, "must be declared by a 'partial' class that is not nested, generic or static, so the generator can add its Descriptor");
        }

        if (name.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInput, input.Attribute, input.ClassName, "has no name"));
        }

        if (input.Format.Length == 0)
        {
            Invalid(input.Attribute, "needs Format, a member of VisMooc.Modules.Schema.InputFormat");
        }

        if (input.Scope.Length == 0)
        {
            Invalid(input.Attribute, "has a Scope that VisMooc.Modules.Schema.InputScope does not name");
        }

        if (!input.Extension.StartsWith(".", System.StringComparison.Ordinal) || input.Extension.Length < 2 || input.Extension == ".gz")
        {
            Invalid(input.Attribute, "needs Extension, the file name's extension before any .gz (e.g. \".sql\")");
        }

        if (input.Token.Length > 0 && (input.Token.Contains("-") || input.Token.Contains("*")))
        {
            Invalid(input.Attribute, "has a Token with '-' or '*': give the word between the dashes (e.g. \"auth_user\")");
        }

        var rawFields = ImmutableArray.CreateBuilder<RawFieldSpec>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var field in input.RawFields)
        {
            if (RawFieldProblem(field, seen) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRawField, field.Location, name, field.Name, problem));
                continue;
            }

            rawFields.Add(new RawFieldSpec(field.Name, field.Personal, field.Keep));
        }

        if (diagnostics.Count > 0)
        {
            return new ValidatedInput(null, new EquatableArray<DiagnosticInfo>(diagnostics.ToImmutableArray()));
        }

        var spec = new InputSpec(
            input.Namespace, input.ClassName, name, input.Token, input.Extension, input.Format, input.Scope, input.Description,
            new EquatableArray<RawFieldSpec>(rawFields.ToImmutable()));
        return new ValidatedInput(spec, EquatableArray<DiagnosticInfo>.Empty);
    }

    private static string? RawFieldProblem(DeclaredRawField field, HashSet<string> seen)
    {
        if (field.Name.Trim().Length == 0)
        {
            return "has no name: give the field's name in the file (a header column or a JSON key)";
        }

        if (!seen.Add(field.Name))
        {
            return "is declared more than once";
        }

        if (field.Keep.Length == 0)
        {
            return "has a Keep that VisMooc.Modules.Schema.RawShape does not name";
        }

        if (field.Personal == (field.Keep != "None"))
        {
            return field.Personal
                ? "is both Personal and kept: a personal value is always masked, so remove Keep"
                : "needs Personal = true or a Keep shape";
        }

        return null;
    }
}
