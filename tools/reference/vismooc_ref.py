#!/usr/bin/env python3
"""Independent reference for `vismooc convert`, written from the output contract
(vismooc-tables.md) and the input spec (edx-data-package.md) only, not from the C# code.
Slow and simple on purpose; a development tool, not part of the test run (CI has no Python).

usage: vismooc_ref.py INPUT OUT      (INPUT: a course folder or a folder of course folders)
Writes OUT/{table}.csv (the MySQL LOAD DATA dialect), OUT/rejects.txt ("table file line", one a
line) and OUT/counts.txt ("course table read written rejected duplicates warnings").
Compare with `vismooc convert INPUT --out X`: the CSVs must be byte-identical, and the counts and
rejected lines equal to report.json and rejects/*.tsv. Needs Python 3 with RIPEMD-160 in hashlib.
"""
import calendar, gzip, hashlib, json, os, re, sys

TABLES = ['courses', 'course_video', 'videos', 'enrollments', 'forum', 'grades', 'users']

# ---------- values ----------
def H(s):
    b = s.encode('utf-8')
    if not b:
        return 0
    M = (1 << 64) - 1
    x = (b[0] << 7) & M
    for c in b:
        x = ((x * 1000003) & M) ^ c
    x ^= len(b)
    if x >= 1 << 63:
        x -= 1 << 64
    if x == -1:
        x = -2
    return x if x >= 0 else x + (1 << 63)

def ripemd(s):
    return hashlib.new('ripemd160', s.encode('utf-8', 'surrogateescape')).hexdigest()

def ripemd_bytes(b):
    return hashlib.new('ripemd160', b).hexdigest()

SPACE = re.compile(rb'^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?$')
TFORM = re.compile(rb'^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2}|[+-]\d{4})?$')

def fmt(secs):
    import datetime
    d = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=secs)
    return d.strftime('%Y-%m-%d %H:%M:%S') if d.year >= 1000 else '%04d-%02d-%02d %02d:%02d:%02d' % (d.year, d.month, d.day, d.hour, d.minute, d.second)

def valid_ymdhms(y, mo, d, h, mi, s):
    if not (1 <= mo <= 12 and y >= 1 and 0 <= h <= 23 and 0 <= mi <= 59 and 0 <= s <= 59):
        return False
    return 1 <= d <= calendar.monthrange(y, mo)[1]

def parse_text_dt(b):
    """bytes -> 'YYYY-MM-DD HH:MM:SS' in UTC, or None (unparseable)."""
    m = SPACE.match(b)
    off = 0
    if not m:
        m = TFORM.match(b)
        if not m:
            return None
        z = m.group(8)
        if z and z != b'Z':
            sign = -1 if z[:1] == b'-' else 1
            digits = z[1:].replace(b':', b'')
            oh, om = int(digits[:2]), int(digits[2:])
            if oh > 23 or om > 59:
                return None
            off = sign * (oh * 60 + om) * 60
    y, mo, d, h, mi, s = (int(m.group(i)) for i in range(1, 7))
    if not valid_ymdhms(y, mo, d, h, mi, s):
        return None
    secs = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)) - off
    return fmt(secs)

def from_epoch_ms(ms):
    return fmt(ms // 1000)   # floor: the calendar time first, then the fraction dropped

# A datetime value: ('null',) | ('ok', text) | ('bad', raw)
def dt_tsv(v):
    if v is None or v == b'' or v == b'NULL':
        return ('null',)
    t = parse_text_dt(v)
    return ('ok', t) if t else ('bad', v)

class Num:
    def __init__(self, text): self.text = text

def dt_mongo(present, v):
    """v is the decoded JSON value of the field (created_at), or absent."""
    if not present or v is None:
        return ('null',)
    if isinstance(v, dict) and '$date' in v:
        d = v['$date']
        if d is None:
            return ('null',)
        if isinstance(d, str):
            if d in ('', 'NULL'):
                return ('null',)
            t = parse_text_dt(d.encode('utf-8'))
            return ('ok', t) if t else ('bad', d)
        if isinstance(d, Num):
            if re.fullmatch(r'-?\d+', d.text):
                return ('ok', from_epoch_ms(int(d.text)))
            return ('bad', d.text)
        if isinstance(d, dict) and list(d.keys()) == ['$numberLong'] and isinstance(d['$numberLong'], str) and re.fullmatch(r'-?\d+', d['$numberLong']):
            return ('ok', from_epoch_ms(int(d['$numberLong'])))
        return ('bad', repr(d))
    return ('bad', repr(v))   # present, but not a $date form: NULL with a warning

# ---------- CSV dialect ----------
def cell(v):
    """v: None (SQL NULL) or bytes/str."""
    if v is None:
        return b'\\N'
    if isinstance(v, str):
        v = v.encode('utf-8', 'surrogatepass')
    out = bytearray(b'"')
    for c in v:
        if c == 0x5C: out += b'\\\\'
        elif c == 0x22: out += b'\\"'
        elif c == 0x0A: out += b'\\n'
        elif c == 0x0D: out += b'\\r'
        elif c == 0: out += b'\\0'
        else: out.append(c)
    out += b'"'
    return bytes(out)

def row(values):
    return b','.join(cell(v) for v in values) + b'\n'

# ---------- TSV ----------
def read_bytes(path):
    with open(path, 'rb') as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith('.gz') else data

def tsv_records(path):
    """Yields (line, fields or None, reason, unknown_escapes) ; first yields the header list."""
    data = read_bytes(path)
    if data.startswith(b'\xef\xbb\xbf'):
        data = data[3:]
    if not data:
        yield ('header', [])
        return
    lines = data.split(b'\n')
    if lines and lines[-1] == b'':
        lines.pop()
    crlf = lines[0].endswith(b'\r')
    def strip(l):
        return l[:-1] if crlf and l.endswith(b'\r') else l
    header = [f.decode('utf-8') for f in strip(lines[0]).split(b'\t')]
    yield ('header', header)
    for i, raw in enumerate(lines[1:], start=2):
        raw = strip(raw)
        parts = raw.split(b'\t')
        fields, broken, unknown = [], False, 0
        for p in parts:
            if p == b'NULL':
                fields.append(None)
                continue
            out = bytearray()
            j = 0
            while j < len(p):
                c = p[j]
                if c == 0x5C:
                    if j + 1 >= len(p):
                        broken = True
                        out.append(c)
                        j += 1
                        continue
                    n = p[j + 1]
                    m = {0x5C: b'\\', 0x74: b'\t', 0x6E: b'\n', 0x72: b'\r', 0x30: b'\0'}.get(n)
                    if m is None:
                        unknown += 1
                        out += p[j:j + 2]
                    else:
                        out += m
                    j += 2
                else:
                    out.append(c)
                    j += 1
            fields.append(bytes(out))
        if len(parts) != len(header):
            yield (i, None, 'count', unknown, raw)
        elif broken:
            yield (i, None, 'escape', unknown, raw)
        else:
            yield (i, dict(zip(header, fields)), None, unknown, raw)

def text(v):
    return b'' if v is None else v

# ---------- course tree ----------
def load_structure(path):
    return json.loads(read_bytes(path).decode('utf-8'), object_pairs_hook=first_wins)

def first_wins(pairs):
    d = {}
    for k, v in pairs:
        if k not in d:
            d[k] = v
    return d

def course_id(key):
    m = re.fullmatch(r'i4x://([^/]+)/([^/]+)/course/([^/]+)', key)
    if m:
        return '%s/%s/%s' % m.groups(), m.group(1)
    if key.startswith('block-v1:'):
        parts = key[len('block-v1:'):].split('+')
        if len(parts) >= 3 and all(parts[:3]) and '@' not in parts[2]:
            return 'course-v1:%s+%s+%s' % tuple(parts[:3]), parts[0]
    return key, ''

def name_of(block):
    n = (block.get('metadata') or {}).get('display_name')
    return n if isinstance(n, str) else None

# ---------- main ----------
class Out:
    def __init__(self):
        self.rows = {t: [] for t in TABLES}
        self.seen = {t: set() for t in TABLES}
        self.rejects = []
        self.counts = {}
    def c(self, course, table):
        return self.counts.setdefault((course, table), [0, 0, 0, 0, 0])
    def put(self, course, table, values):
        st = self.c(course, table)
        if values[0] in self.seen[table]:
            st[3] += 1
            return
        self.seen[table].add(values[0])
        self.rows[table].append(row(values))
        st[1] += 1
    def reject(self, course, table, file, line):
        self.c(course, table)[2] += 1
        self.rejects.append('%s %s %s' % (table, file, line))
    def warn(self, course, table, n=1):
        self.c(course, table)[4] += n

KINDS = [('auth_user', 'auth_user-', '.sql'), ('auth_userprofile', 'auth_userprofile-', '.sql'),
         ('student_courseenrollment', 'student_courseenrollment-', '.sql'),
         ('certificates_generatedcertificate', 'certificates_generatedcertificate-', '.sql'),
         ('course_structure', 'course_structure-', '.json')]

def kind(name):
    n = name[:-3] if name.endswith('.gz') else name
    for k, tok, ext in KINDS:
        if n.endswith(ext) and (n.startswith(tok) or ('-' + tok) in n):
            return k
    return 'forum' if n.endswith('.mongo') else None

def scan(folder):
    found = {}
    for n in sorted(os.listdir(folder)):
        p = os.path.join(folder, n)
        if os.path.isfile(p) and kind(n):
            found.setdefault(kind(n), []).append(p)
    return found

# What each column holds (vismooc-tables.md, "Bad input"): ('v', n) varchar(n), n code points;
# ('t', n) a TEXT type of n bytes; None: datetimes (checked when parsed), LONGTEXT, TINYINT (checked apart).
V, T = (lambda n: ('v', n)), (lambda n: ('t', n))
TYPES = {'courses': [V(255), V(255), T(65535), V(255), V(255), V(255), V(255), None, None, V(2083), V(2083)],
         'videos': [V(255), V(255), T(65535), T(65535), V(255), T(65535)],
         'course_video': [V(255)] * 3, 'enrollments': [V(255), V(11), V(255), None, None],
         'grades': [V(255), V(11), V(255), None, V(32)],
         'users': [V(255), V(11), V(40), V(255), V(255), V(255), V(11), V(6), None, V(6), V(2)],
         'forum': [V(255), V(255), V(255), V(255), None, None, None, V(255), T(16777215), V(255), V(255), V(255)]}

def fits(table, values, only=None):
    for i, (v, t) in enumerate(zip(values, TYPES[table])):
        if v is None or t is None or (only is not None and i not in only):
            continue
        s = v.decode('utf-8', 'replace') if isinstance(v, bytes) else v
        if len(s) > t[1] if t[0] == 'v' else len(s.encode('utf-8', 'surrogatepass')) > t[1]:
            return False
    return True

def user_id(v):
    """A user id: digits without a leading zero, within a signed 64-bit integer (README, one rule everywhere)."""
    return v is not None and re.fullmatch(rb'0|[1-9]\d*', v) is not None and int(v) < 1 << 63

def put_dt(out, course, table, d):
    if d[0] == 'ok' and d[1] >= '1000':   # MySQL's datetime holds the years 1000 to 9999
        return d[1]
    if d[0] != 'null':
        out.warn(course, table)
    return None

def convert(input_dir, out_dir):
    here = scan(input_dir)
    courses = [(os.path.basename(os.path.normpath(input_dir)), here)] if here else \
        [(n, scan(os.path.join(input_dir, n))) for n in sorted(os.listdir(input_dir)) if os.path.isdir(os.path.join(input_dir, n)) and scan(os.path.join(input_dir, n))]
    out = Out()
    for cname, files in courses:
        # course_structure -> courses, videos, course_video
        for path in files.get('course_structure', []):
            blocks = load_structure(path)
            root_key = next((k for k, b in blocks.items() if b.get('category') == 'course'), None)
            cid = None
            if root_key:
                rb = blocks[root_key]
                md = rb.get('metadata') or {}
                cid, org = course_id(root_key)
                start = dt_text_json(md, 'start')
                end = dt_text_json(md, 'end')
                out.c(cname, 'courses')[0] += 1
                vals = [str(H(root_key)), cid, name_of(rb) or '', (start[1][:4] + '_Q0_R0') if start[0] == 'ok' and start[1] >= '1000' else '', org, '', '',
                        put_dt(out, cname, 'courses', start), put_dt(out, cname, 'courses', end), '', '']
                if fits('courses', vals):
                    out.put(cname, 'courses', vals)
                else:
                    out.reject(cname, 'courses', os.path.basename(path), 0)
            videos = []
            visited = set()
            if root_key:
                visited.add(root_key)
                def walk(key, path):
                    for i, ck in enumerate(blocks[key].get('children') or []):
                        if ck not in blocks or ck in visited:
                            continue
                        visited.add(ck)
                        p = path + '%d>>%s>>' % (i, name_of(blocks[ck]) or '')
                        if blocks[ck].get('category') == 'video':
                            videos.append((ck, p))
                        walk(ck, p)
                walk(root_key, '')
            for k in sorted((k for k, b in blocks.items() if b.get('category') == 'video' and k not in visited), key=lambda s: [ord(ch) for ch in s]):  # ordinal: by code point
                videos.append((k, ''))
            name = os.path.basename(path)
            for key, section in videos:
                md = blocks[key].get('metadata') or {}
                h5 = md.get('html5_sources')
                yt = md.get('youtube_id_1_0')
                if isinstance(h5, list) and h5:
                    url = h5[0] if isinstance(h5[0], str) else ''
                elif isinstance(yt, str) and yt:
                    url = 'https://www.youtube.com/watch?v=' + yt
                else:
                    url = ''
                out.c(cname, 'videos')[0] += 1
                vals = [str(H(key)), key, name_of(blocks[key]) or '', section, '', url]
                out.c(cname, 'course_video')[0] += 1
                c = cid if cid is not None else ''
                cv = [str(H(c + '|' + key)), c, key]
                # A video either table cannot hold is rejected from both (one course_video row per videos row).
                if fits('videos', vals) and fits('course_video', cv):
                    out.put(cname, 'videos', vals)
                    out.put(cname, 'course_video', cv)
                else:
                    out.reject(cname, 'videos', name, 0)
                    out.reject(cname, 'course_video', name, 0)
        # enrollments, grades
        for kind_, table, cols in [('student_courseenrollment', 'enrollments', ('id', 'user_id', 'course_id', 'created', 'is_active')),
                                   ('certificates_generatedcertificate', 'grades', ('id', 'user_id', 'course_id', 'created_date', 'grade'))]:
            for path in files.get(kind_, []):
                name = os.path.basename(path)
                it = tsv_records(path)
                header = next(it)[1]
                for rec in it:
                    line, f, reason, unknown, raw = rec
                    out.c(cname, table)[0] += 1
                    if f is None or f[cols[0]] in (None, b''):
                        out.reject(cname, table, name, line)
                        continue
                    if unknown:
                        out.warn(cname, table)
                    ts = put_dt(out, cname, table, dt_tsv(f[cols[3]]))
                    vals = [text(f[cols[0]]), text(f[cols[1]]), text(f[cols[2]]), ts, text(f[cols[4]])]
                    if not fits(table, vals) or not user_id(f[cols[1]]) or (table == 'enrollments' and f[cols[4]] not in (b'0', b'1')):
                        out.reject(cname, table, name, line)
                        continue
                    out.put(cname, table, vals)
        # users
        if files.get('auth_user'):
            profiles, unmatched = {}, []
            for path in files.get('auth_userprofile', []):
                name = os.path.basename(path)
                it = tsv_records(path)
                next(it)
                for rec in it:
                    line, f, reason, unknown, raw = rec
                    if f is None:
                        out.reject(cname, 'users', name, line)
                        continue
                    if unknown:
                        out.warn(cname, 'users')
                    if f['id'] in (None, b'') or f['user_id'] in (None, b'') or not user_id(f['user_id']):
                        out.reject(cname, 'users', name, line)
                        continue
                    # A profile value its users column cannot hold rejects the profile, at its own line.
                    pv = [text(f['id']), None, None, None, text(f.get('language')), text(f.get('location')), text(f.get('year_of_birth')),
                          text(f.get('level_of_education')), None, text(f.get('gender')), text(f.get('country'))]
                    if not fits('users', pv):
                        out.reject(cname, 'users', name, line)
                        continue
                    uid = int(f['user_id'])
                    if uid in profiles:
                        out.c(cname, 'users')[3] += 1
                        continue
                    profiles[uid] = [f, False]
                    unmatched.append(uid)
            for path in files['auth_user']:
                name = os.path.basename(path)
                it = tsv_records(path)
                next(it)
                for rec in it:
                    line, f, reason, unknown, raw = rec
                    out.c(cname, 'users')[0] += 1
                    if f is None or f['id'] in (None, b''):
                        out.reject(cname, 'users', name, line)
                        continue
                    if unknown:
                        out.warn(cname, 'users')
                    p = None
                    if user_id(f['id']) and int(f['id']) in profiles:
                        p = profiles[int(f['id'])]
                        p[1] = True
                        p = p[0]
                    g = (lambda k: text(p[k])) if p else (lambda k: b'')
                    vals = [text(p['id']) if p else b'user-' + f['id'], f['id'], ripemd_bytes(text(f['username'])),
                            ripemd_bytes(p['name']) if p and p['name'] not in (None, b'') else b'',
                            g('language'), g('location'), g('year_of_birth'), g('level_of_education'), g('goals'), g('gender'), g('country')]
                    if not fits('users', vals) or not user_id(f['id']):
                        out.reject(cname, 'users', name, line)
                        continue
                    out.put(cname, 'users', vals)
        # forum
        for path in files.get('forum', []):
            name = os.path.basename(path)
            for i, raw in enumerate(read_bytes(path).split(b'\n'), start=1):
                if raw.strip(b' \t\r') == b'':
                    continue
                out.c(cname, 'forum')[0] += 1
                try:
                    doc = json.loads(raw.decode('utf-8'), object_pairs_hook=first_wins, parse_float=Num, parse_int=Num,
                                     parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
                    if not isinstance(doc, dict):
                        raise ValueError('not an object')
                except (ValueError, UnicodeDecodeError):
                    out.reject(cname, 'forum', name, i)
                    continue
                oid_ = doc.get('_id').get('$oid') if isinstance(doc.get('_id'), dict) else None
                if not isinstance(oid_, str) or oid_ == '':
                    out.reject(cname, 'forum', name, i)
                    continue
                def t(v):
                    if v is None: return ''
                    if isinstance(v, str): return v
                    if isinstance(v, Num): return v.text
                    if v is True: return 'true'
                    if v is False: return 'false'
                    return json.dumps(v)  # objects/arrays: not in the fixtures
                def oid_of(v):
                    return v.get('$oid') if isinstance(v, dict) and isinstance(v.get('$oid'), str) else ''
                typ = t(doc.get('_type'))
                vals = [str(H(oid_)), oid_, t(doc.get('course_id')), t(doc.get('author_id')),
                        put_dt(out, cname, 'forum', dt_mongo('created_at' in doc, doc.get('created_at'))),
                        put_dt(out, cname, 'forum', dt_mongo('updated_at' in doc, doc.get('updated_at'))),
                        t(doc.get('body')), typ,
                        t(doc.get('title')) if typ == 'CommentThread' else '',
                        t(doc.get('thread_type')) if typ == 'CommentThread' else '',
                        oid_of(doc.get('comment_thread_id')) if typ == 'Comment' else '',
                        oid_of(doc.get('parent_id')) if typ == 'Comment' else '']
                if not fits('forum', vals):
                    out.reject(cname, 'forum', name, i)
                    continue
                out.put(cname, 'forum', vals)
    os.makedirs(out_dir, exist_ok=True)
    for t_ in TABLES:
        with open(os.path.join(out_dir, t_ + '.csv'), 'wb') as f:
            f.write(b''.join(out.rows[t_]))
    with open(os.path.join(out_dir, 'rejects.txt'), 'w') as f:
        f.write(''.join(r + '\n' for r in sorted(out.rejects)))
    with open(os.path.join(out_dir, 'counts.txt'), 'w') as f:
        for (c, t_), v in sorted(out.counts.items()):
            f.write('%s %s %s\n' % (c, t_, ' '.join(map(str, v))))

def dt_text_json(md, key):
    if key not in md or md[key] is None:
        return ('null',)
    v = md[key]
    if not isinstance(v, str):
        return ('bad', repr(v))
    if v in ('', 'NULL'):
        return ('null',)
    r = parse_text_dt(v.encode('utf-8'))
    return ('ok', r) if r else ('bad', v)

if __name__ == '__main__':
    assert H('i4x://org/course/video/f50cc021e7b84729b53aabf23017cd13') == 4176302298990310613
    assert ripemd('') == '9c1185a5c5e9fc54612808977ee8f548b2258d31' and ripemd('abc') == '8eb208f7e05d987a9b044a8e98c6b087f15a0bfc'
    assert from_epoch_ms(-1500) == '1969-12-31 23:59:58'
    convert(sys.argv[1], sys.argv[2])
