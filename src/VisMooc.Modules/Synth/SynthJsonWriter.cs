namespace VisMooc.Modules.Synth;

/// <summary>
/// Writes one JSON document in either mongoexport whitespace style (<c>{ "a" : 1 }</c> for the old
/// tool, <c>{"a":1}</c> for the newer one); keeps track of commas itself.
/// </summary>
internal sealed class SynthJsonWriter(SynthTextWriter w, bool spaced, bool escapeSlash)
{
    private bool _needComma;

    /// <summary>Starts a new document (no comma before it).</summary>
    public void BeginDocument() => _needComma = false;

    public void StartObject()
    {
        Comma();
        w.Raw(spaced ? "{ " : "{");
        _needComma = false;
    }

    public void EndObject()
    {
        w.Raw(spaced ? " }" : "}");
        _needComma = true;
    }

    public void StartArray()
    {
        Comma();
        w.Raw(spaced ? "[ " : "[");
        _needComma = false;
    }

    public void EndArray()
    {
        w.Raw(spaced ? " ]" : "]");
        _needComma = true;
    }

    public void EmptyArray(string name)
    {
        Name(name);
        w.Raw("[]");
        _needComma = true;
    }

    public void Name(string name)
    {
        Comma();
        w.JsonString(name);
        w.Raw(spaced ? " : " : ":");
        _needComma = false;
    }

    public void String(string value)
    {
        Comma();
        w.JsonString(value, escapeSlash: escapeSlash);
        _needComma = true;
    }

    public void String(string name, string value)
    {
        Name(name);
        String(value);
    }

    public void Number(string name, long value)
    {
        Name(name);
        w.Int(value);
        _needComma = true;
    }

    public void Literal(string name, string json)
    {
        Name(name);
        w.Raw(json);
        _needComma = true;
    }

    public void Oid(string name, string oid)
    {
        Name(name);
        StartObject();
        String("$oid", oid);
        EndObject();
    }

    private void Comma()
    {
        if (_needComma)
        {
            w.Raw(spaced ? ", " : ",");
        }
    }
}
