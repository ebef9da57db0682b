#!/usr/bin/env python3
#-------------------------------------------------------------------------
#
# deps_scan.py
#     The parsing half of scripts/check_deps.sh: find every program, Python
#     module, library and sanitizer runtime that the tests, the demo and
#     the scripts around them use, by reading the files of the checkout; and
#     work out which installed Debian packages a list of packages brings
#     in.  check_deps.sh decides what is provided and what is not.
#
#   deps_scan.py scan ROOT      one line per use, tab-separated:
#       command NAME WHERE      a program called by name (PATH)
#       path PATH WHERE         a program called by absolute path
#       maybe NAME WHERE        a program called as $dir/NAME: checked
#                               when it is installed (built programs are
#                               called the same way)
#       module NAME WHERE       a Python module imported
#       library NAME WHERE CC   a library linked (-lNAME) by compiler CC
#       runtime FILE WHERE CC   a sanitizer runtime that CC links
#       installs PKG WHERE      a package that a call of scripts/deps.sh
#                               installs (the files of WHERE's folder
#                               may count on it)
#       unresolved TEXT WHERE   a program the scan cannot name
#       skipped TEXT WHERE      a program named by a variable (a built
#                               program, a loop over arguments)
#   deps_scan.py closure PKG... the installed packages that PKG... and
#                               their Depends and Pre-Depends are
#
# What it reads: every file under scripts/, test/, demo/ and .ci/ that git
# does not ignore (committed or not: pg_regress runs a new test before it
# is committed), and the makefiles at the top.  Shell scripts are tokenised as bash
# does it (quotes, $(...), heredocs, case patterns, functions); the words
# in command position are the programs, seen through wrappers (sudo,
# runuser, env, xargs, find -exec, trap, bash -c, and functions of ours
# that run "$@").  SQL text (test/sql, demo.sql, heredocs, Python
# strings) gives the "program" options of foreign tables, each a shell
# command run by /bin/sh.  Python files are read with ast: imports,
# subprocess calls, shutil.which, and "program" options built in code,
# followed through variables and the functions that build them.  Recipes
# of makefiles give compilers, -l libraries and -fsanitize runtimes.
#
#-------------------------------------------------------------------------

import ast
import os
import re
import subprocess
import sys

# ---------------------------------------------------------------------
# Results


class Uses:
    """What the scan found: rows of (kind, name, where, extra)."""

    def __init__(self):
        self.rows = []

    def add(self, kind, name, where, extra=''):
        self.rows.append((kind, name, where, extra))

    def emit(self):
        seen = set()
        for row in self.rows:
            if row not in seen:
                seen.add(row)
                print('\t'.join(row))


# ---------------------------------------------------------------------
# Shell: a tokenizer and a reader of command positions


def bash_words():
    """Bash's builtins and reserved words, as bash lists them."""
    out = subprocess.run(['bash', '-c', 'compgen -b; compgen -k'],
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    return set(out.split())


BUILTINS = None
ASSIGNMENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*(\[[^]]*\])?\+?=')
NAME_RE = re.compile(r'^[A-Za-z0-9_][A-Za-z0-9_.+-]*$')
OPERATORS = ['&>>', ';;&', '<<<', '&&', '||', ';;', ';&', '|&', '&>', '>>',
             '<<', '<&', '>&', '>|', '<>', '|', '&', ';', '(', ')', '<', '>']


class Word:
    """A shell word: its literal value when it has no expansion, else the
    literal text after its last expansion (suffix)."""

    def __init__(self, line):
        self.line = line
        self.raw = ''
        self.parts = []         # ('lit', text) or ('dyn', raw)
        self.started = False

    def lit(self, s, raw=None):
        self.started = True
        self.raw += s if raw is None else raw
        if self.parts and self.parts[-1][0] == 'lit':
            self.parts[-1] = ('lit', self.parts[-1][1] + s)
        else:
            self.parts.append(('lit', s))

    def dyn(self, raw):
        self.started = True
        self.raw += raw
        self.parts.append(('dyn', raw))

    @property
    def value(self):
        if any(k == 'dyn' for k, _ in self.parts):
            return None
        return ''.join(t for _, t in self.parts)

    @property
    def suffix(self):
        if self.parts and self.parts[-1][0] == 'lit':
            return self.parts[-1][1]
        return ''

    @property
    def whole_var(self):
        """NAME when the word is exactly $NAME or ${NAME}."""
        if len(self.parts) == 1 and self.parts[0][0] == 'dyn':
            m = re.match(r'^\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?$', self.parts[0][1])
            if m:
                return m.group(1)
        return None


class Tok:
    def __init__(self, kind, text, line, word=None):
        self.kind = kind        # 'w', 'op', 'redir', 'arith'
        self.text = text
        self.line = line
        self.word = word


def skip_balanced(text, i, opening, closing):
    """Index just after the closing bracket matching one already opened
    before text[i], skipping quotes, escapes and comments."""
    depth = 1
    n = len(text)
    while i < n:
        c = text[i]
        if c == '\\':
            i += 2
            continue
        if c == "'":
            j = text.find("'", i + 1)
            i = n if j < 0 else j + 1
            continue
        if c == '"':
            i = skip_dquote(text, i + 1)
            continue
        if c == '`':
            i = skip_backtick(text, i + 1)
            continue
        if c == '#' and (i == 0 or text[i - 1] in ' \t\n;(|&'):
            j = text.find('\n', i)
            i = n if j < 0 else j
            continue
        if text.startswith('$(', i) or text.startswith('${', i):
            i = skip_balanced(text, i + 2, text[i + 1], ')' if text[i + 1] == '(' else '}')
            continue
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def skip_dquote(text, i):
    """Index just after the double quote closing the one before text[i]."""
    n = len(text)
    while i < n:
        c = text[i]
        if c == '\\':
            i += 2
            continue
        if c == '"':
            return i + 1
        if text.startswith('$(', i) or text.startswith('${', i):
            i = skip_balanced(text, i + 2, text[i + 1], ')' if text[i + 1] == '(' else '}')
            continue
        if c == '`':
            i = skip_backtick(text, i + 1)
            continue
        i += 1
    return n


def skip_backtick(text, i):
    n = len(text)
    while i < n:
        if text[i] == '\\':
            i += 2
            continue
        if text[i] == '`':
            return i + 1
        i += 1
    return n


HEREDOC = re.compile(r'(?<!<)<<(?!<)(-?)[ \t]*(\\?)(["\']?)([A-Za-z_][A-Za-z0-9_]*)\3')


def cut_heredocs(text):
    """The text with heredoc bodies blanked (line numbers kept), and the
    bodies as (first line, body, expands) for a scan of their own."""
    lines = text.split('\n')
    out = []
    bodies = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        # no heredoc in a comment line
        if line.lstrip().startswith('#'):
            continue
        for m in HEREDOC.finditer(line):
            strip_tabs, quoted = m.group(1) == '-', bool(m.group(2) or m.group(3))
            delim = m.group(4)
            start = i + 1
            body = []
            while i < len(lines):
                cand = lines[i].lstrip('\t') if strip_tabs else lines[i]
                if cand == delim:
                    break
                body.append(lines[i])
                out.append('')
                i += 1
            if i < len(lines):
                out.append('')  # the delimiter line
                i += 1
            bodies.append((start, '\n'.join(body), not quoted))
    return '\n'.join(out), bodies


class ShellScan:
    """Commands of one piece of shell text."""

    def __init__(self, text, path, line0=1):
        self.path = path
        self.line0 = line0
        self.subs = []          # (line, text): $(...), `...`, <(...)
        self.bodies = []
        text, self.bodies = cut_heredocs(text)
        self.toks = self.lex(text)

    def where(self, line):
        return '%s:%d' % (self.path, line)

    # --- lexing

    def lex(self, text):
        toks = []
        n = len(text)
        i = 0
        line = self.line0
        w = Word(line)

        def flush():
            nonlocal w
            if w.started:
                toks.append(Tok('w', w.raw, w.line, w))
            w = Word(line)

        while i < n:
            c = text[i]
            if c == '\n':
                flush()
                toks.append(Tok('op', '\n', line))
                line += 1
                w.line = line
                i += 1
            elif c in ' \t':
                flush()
                i += 1
            elif c == '#' and not w.started:
                j = text.find('\n', i)
                i = n if j < 0 else j
            elif c == '\\':
                if text.startswith('\\\n', i):
                    line += 1
                else:
                    w.lit(text[i + 1:i + 2], text[i:i + 2])
                i += 2
            elif c == "'":
                j = text.find("'", i + 1)
                j = n if j < 0 else j
                w.lit(text[i + 1:j], text[i:j + 1])
                line += text.count('\n', i, j)
                i = j + 1
            elif c == '"':
                j = skip_dquote(text, i + 1)
                self.dquote(w, text[i + 1:j - 1], line)
                w.raw += '"'
                line += text.count('\n', i, j)
                i = j
            elif c == '$':
                j = self.dollar(w, text, i, line)
                line += text.count('\n', i, j)
                i = j
            elif c == '`':
                j = skip_backtick(text, i + 1)
                self.subs.append((line, text[i + 1:j - 1]))
                w.dyn(text[i:j])
                line += text.count('\n', i, j)
                i = j
            elif c in '<>' and text.startswith('(', i + 1) and not w.started:
                j = skip_balanced(text, i + 2, '(', ')')
                self.subs.append((line, text[i + 2:j - 1]))
                w.dyn(text[i:j])
                line += text.count('\n', i, j)
                i = j
            elif c == '(' and w.started and w.value is not None and ASSIGNMENT.match(w.raw) \
                    and w.raw.endswith('='):
                # an array: NAME=( words )
                j = skip_balanced(text, i + 1, '(', ')')
                inner = ShellScan(text[i + 1:j - 1], self.path, line)
                self.subs.extend(inner.subs)
                w.dyn(text[i:j])
                line += text.count('\n', i, j)
                i = j
            elif c == '(' and text.startswith('((', i) and not w.started:
                j = skip_balanced(text, i + 2, '(', ')')
                j = j + 1 if text.startswith(')', j) else j
                flush()
                toks.append(Tok('arith', text[i:j], line))
                line += text.count('\n', i, j)
                i = j
            elif c in '|&;()<>':
                if c in '<>' and w.started and w.value is not None and w.value.isdigit():
                    w = Word(line)      # a file descriptor: 2>&1
                flush()
                op = next(o for o in OPERATORS if text.startswith(o, i))
                kind = 'redir' if ('<' in op or '>' in op) else 'op'
                toks.append(Tok(kind, op, line))
                i += len(op)
            else:
                w.lit(c)
                i += 1
        flush()
        return toks

    def dquote(self, w, inner, line):
        """The content of a double-quoted string into word w."""
        w.raw += '"'
        i = 0
        n = len(inner)
        if n == 0:
            w.lit('', '')
        while i < n:
            c = inner[i]
            if c == '\\' and i + 1 < n and inner[i + 1] in '$`"\\\n':
                w.lit(inner[i + 1], inner[i:i + 2])
                i += 2
            elif c == '$':
                i = self.dollar(w, inner, i, line + inner.count('\n', 0, i))
            elif c == '`':
                j = skip_backtick(inner, i + 1)
                self.subs.append((line, inner[i + 1:j - 1]))
                w.dyn(inner[i:j])
                i = j
            else:
                w.lit(c)
                i += 1

    def dollar(self, w, text, i, line):
        """An expansion at text[i] == '$' into word w; the index after it."""
        if text.startswith('$((', i):
            j = skip_balanced(text, i + 3, '(', ')')
            j = j + 1 if text.startswith(')', j) else j
            w.dyn(text[i:j])
            return j
        if text.startswith('$(', i):
            j = skip_balanced(text, i + 2, '(', ')')
            self.subs.append((line, text[i + 2:j - 1]))
            w.dyn(text[i:j])
            return j
        if text.startswith('${', i):
            j = skip_balanced(text, i + 2, '{', '}')
            # ${x:-$(cmd)}: commands inside
            inner = text[i + 2:j - 1]
            k = inner.find('$(')
            while k >= 0:
                e = skip_balanced(inner, k + 2, '(', ')')
                self.subs.append((line, inner[k + 2:e - 1]))
                k = inner.find('$(', e)
            w.dyn(text[i:j])
            return j
        if text.startswith("$'", i):
            j = text.find("'", i + 2)
            j = len(text) if j < 0 else j
            w.lit(text[i + 2:j], text[i:j + 1])
            return j + 1
        m = re.compile(r'\$([A-Za-z_][A-Za-z0-9_]*|[0-9@*#?$!-])').match(text, i)
        if m:
            w.dyn(m.group(0))
            return m.end()
        w.lit('$')
        return i + 1

    # --- commands

    def commands(self):
        """Simple commands as (name word, [argument words]), and the
        functions defined here, with those that run "$@"."""
        cmds = []
        functions = set()
        wrappers = set()
        assigns = {}
        last_function = None
        expect = True
        skip_target = False
        case_stack = []
        in_for = False
        in_dbracket = False
        cur = None
        toks = self.toks
        k = 0
        while k < len(toks):
            t = toks[k]
            k += 1
            if skip_target:
                skip_target = False
                if t.kind == 'w':
                    continue
            if t.kind == 'redir':
                skip_target = True
                continue
            if t.kind == 'arith':
                expect = False
                cur = None
                continue
            if t.kind == 'op':
                cur = None
                if t.text in (';;', ';&', ';;&'):
                    if case_stack:
                        case_stack[-1] = 'pattern'
                    expect = True
                elif t.text == ')':
                    if case_stack and case_stack[-1] == 'pattern':
                        case_stack[-1] = 'body'
                        expect = True
                    else:
                        expect = False
                elif t.text == '\n' and case_stack and case_stack[-1] in ('word', 'in', 'pattern'):
                    pass
                else:
                    expect = True
                continue
            v = t.word.value
            if case_stack and case_stack[-1] == 'word':
                case_stack[-1] = 'in'
                continue
            if case_stack and case_stack[-1] == 'in':
                if v == 'in':
                    case_stack[-1] = 'pattern'
                continue
            if case_stack and case_stack[-1] == 'pattern':
                if v == 'esac':
                    case_stack.pop()
                    expect = False
                continue
            if in_dbracket:
                if v == ']]':
                    in_dbracket = False
                    expect = False
                continue
            if in_for:
                if v == 'do':
                    in_for = False
                    expect = True
                continue
            if not expect:
                if cur is not None:
                    cur[1].append(t.word)
                continue
            if ASSIGNMENT.match(t.word.raw):
                name = re.match(r'[A-Za-z_][A-Za-z0-9_]*', t.word.raw).group(0)
                val = t.word.raw[len(name):].lstrip('+=')
                inner = ShellScan(val, self.path, t.line)
                if inner.toks and inner.toks[0].kind == 'w':
                    assigns.setdefault(name, []).append(inner.toks[0].word)
                continue
            if v in ('if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time'):
                continue
            if v in ('fi', 'done', '}'):
                expect = False
                continue
            if v == 'esac':
                if case_stack:
                    case_stack.pop()
                expect = False
                continue
            if v == 'case':
                case_stack.append('word')
                continue
            if v in ('for', 'select'):
                in_for = True
                continue
            if v == '[[':
                in_dbracket = True
                continue
            if v == 'function' and k < len(toks) and toks[k].kind == 'w':
                last_function = toks[k].word.value
                functions.add(last_function)
                k += 1
                if k + 1 < len(toks) and toks[k].text == '(' and toks[k + 1].text == ')':
                    k += 2
                continue
            if v is not None and k + 1 < len(toks) and toks[k].kind == 'op' and \
                    toks[k].text == '(' and toks[k + 1].kind == 'op' and toks[k + 1].text == ')':
                last_function = v
                functions.add(v)
                k += 2
                continue
            if t.word.raw in ('"$@"', '$@', '"${@}"') and last_function:
                wrappers.add(last_function)
            cur = (t.word, [])
            cmds.append(cur)
            expect = False
        return cmds, functions, wrappers, assigns


# options of the wrappers that take a value
WRAPPER_VALUE_OPTS = {
    'sudo': {'-u', '-g', '-h', '-C', '-D', '-p', '-r', '-t', '-U', '-T'},
    'runuser': {'-u', '-g', '-G', '-c', '-s', '-w'},
    'env': {'-u', '-C', '-S'},
    'exec': {'-a'},
    'nice': {'-n'},
    'nohup': set(),
    'stdbuf': {'-i', '-o', '-e'},
    'timeout': {'-s', '-k'},
    'xargs': {'-a', '-d', '-E', '-e', '-I', '-i', '-L', '-l', '-n', '-P', '-s'},
    'command': set(),
}


class ShellFile:
    """The commands of a shell script (or of a string run by a shell)."""

    def __init__(self, text, path, uses, ctx, line0=1):
        self.path = path
        self.uses = uses
        self.ctx = ctx
        self.text = text
        self.line0 = line0

    def scan(self):
        """Return the commands as (word, args, where), recursing into
        substitutions and heredocs; functions and wrappers go to ctx."""
        out = []
        sc = ShellScan(self.text, self.path, self.line0)
        cmds, functions, wrappers, assigns = sc.commands()
        self.ctx.functions |= functions
        self.ctx.wrappers |= wrappers
        for name, words in assigns.items():
            self.ctx.assigns.setdefault((self.path, name), []).extend(words)
        for word, args in cmds:
            out.append((word, args, sc.where(word.line)))
        # SQL run by the script: heredocs and string arguments
        programs = []
        for t in sc.toks:
            if t.kind == 'w' and t.word.value and re.search(r'\bprogram\b', t.word.value, re.I):
                sql_programs(t.word.value, self.path, t.line, programs)
        for line, body, expands in sc.bodies:
            sql_programs(body, self.path, line, programs)
        report_programs(programs, self.uses, self.ctx, None)
        for line, sub in sc.subs:
            out.extend(ShellFile(sub, self.path, self.uses, self.ctx, line).scan())
        for line, body, expands in sc.bodies:
            if expands:
                probe = ShellScan('', self.path, line)
                w = Word(line)
                probe.dquote(w, body, line)
                for sl, sub in probe.subs:
                    out.extend(ShellFile(sub, self.path, self.uses, self.ctx, sl).scan())
        return out


def unwrap(word, args, where, ctx, uses, root, depth=0):
    """Report one command, and the commands it runs (wrappers, -c, trap,
    find -exec)."""
    if depth > 8:
        return
    v = word.value
    name = v
    if v is None:
        if word.raw in ('"$@"', '$@', '"${@}"'):
            return      # the body of a wrapper
        m = re.match(r'^"?\$\{[A-Za-z_][A-Za-z0-9_]*:?-([A-Za-z0-9_./-]+)\}"?$', word.raw)
        if m:
            unwrap(literal_word(m.group(1), word.line), args, where, ctx, uses, root, depth + 1)
            return
        var = word.whole_var
        cands = ctx.assigns.get((where.rsplit(':', 1)[0], var), []) if var else []
        if cands:
            for c in cands:
                unwrap(c, args, where, ctx, uses, root, depth + 1)
            return
        suffix = word.suffix
        base = suffix.rsplit('/', 1)[-1] if '/' in suffix else ''
        if base and NAME_RE.match(base):
            if base == 'deps.sh':
                report_deps_call(args, where, uses)
            elif not re.search(r'\.(sh|py)$', base):
                uses.add('maybe', base, where)
            return
        uses.add('skipped', word.raw, where)
        return
    if name == '':
        return
    # a file of the repository, or a program built by the script
    if '/' in name and not name.startswith('/'):
        if name.endswith('scripts/deps.sh'):
            report_deps_call(args, where, uses)
        return
    if name.startswith('/'):
        uses.add('path', name, where)
        return
    if name in ctx.wrappers or name in WRAPPER_VALUE_OPTS:
        if name == 'command' and args and args[0].value in ('-v', '-V'):
            return      # a probe, not a call
        if name in WRAPPER_VALUE_OPTS and name not in BUILTINS:
            uses.add('command', name, where)
        rest = list(args)
        value_opts = WRAPPER_VALUE_OPTS.get(name, set())
        positional_first = name == 'timeout'
        while rest:
            a = rest[0].value
            if a is None:
                break
            if a == '--':
                rest.pop(0)
                break
            if a.startswith('-') and a != '-':
                rest.pop(0)
                if a in value_opts and rest:
                    rest.pop(0)
                continue
            if name in ('env', 'sudo') and ASSIGNMENT.match(a):
                rest.pop(0)
                continue
            if positional_first:
                positional_first = False
                rest.pop(0)
                continue
            break
        if rest:
            unwrap(rest[0], rest[1:], where, ctx, uses, root, depth + 1)
        return
    if name in ctx.functions:
        return
    if name in ('bash', 'sh', 'dash') and len(args) >= 2 and args[0].value == '-c':
        uses.add('command', name, where)
        if args[1].value is not None:
            for w, a, wh in ShellFile(args[1].value, where.rsplit(':', 1)[0], uses, ctx,
                                      int(where.rsplit(':', 1)[1])).scan():
                unwrap(w, a, wh, ctx, uses, root, depth + 1)
        return
    if name in ('trap', 'eval') and args and args[0].value is not None:
        for w, a, wh in ShellFile(args[0].value, where.rsplit(':', 1)[0], uses, ctx,
                                  int(where.rsplit(':', 1)[1])).scan():
            unwrap(w, a, wh, ctx, uses, root, depth + 1)
        return
    if name == 'find':
        uses.add('command', name, where)
        for idx, a in enumerate(args):
            if a.value in ('-exec', '-execdir', '-ok', '-okdir') and idx + 1 < len(args):
                unwrap(args[idx + 1], args[idx + 2:], where, ctx, uses, root, depth + 1)
        return
    if name in BUILTINS:
        return
    if not NAME_RE.match(name):
        uses.add('unresolved', name, where)
        return
    uses.add('command', name, where)


def literal_word(text, line):
    w = Word(line)
    w.lit(text)
    return w


def report_deps_call(args, where, uses):
    """The extra packages a call of scripts/deps.sh installs."""
    for a in args:
        if a.value is not None and not a.value.startswith('-'):
            uses.add('installs', a.value, where)


class Context:
    """What the shell files define, shared by all of them (lib.sh is
    sourced by the others)."""

    def __init__(self):
        self.functions = set()
        self.wrappers = set()
        self.assigns = {}


def scan_shell_text(text, path, uses, ctx, root, line0=1, collect=None):
    found = ShellFile(text, path, uses, ctx, line0).scan()
    if collect is not None:
        collect.extend(found)
    else:
        for w, a, wh in found:
            unwrap(w, a, wh, ctx, uses, root)


# ---------------------------------------------------------------------
# SQL: the "program" options


PROGRAM_LITERAL = re.compile(r"\bprogram\s+'((?:[^']|'')*)'", re.I)
PROGRAM_OTHER = re.compile(r"\bprogram\s+(?::['\"]?([A-Za-z_][A-Za-z0-9_]*)|\$[0-9])", re.I)
FORMAT_CALL = re.compile(r"\bformat\s*\(", re.I)
FORMAT_PLACEHOLDER = re.compile(r'%(?:[0-9]+\$)?-?[0-9]*([sIL%])')


def line_of(text, pos, line0):
    return line0 + text.count('\n', 0, pos)


def sql_literals(text):
    """The string literals of SQL text as (start, end, content), and the
    text with its comments blanked (newlines kept)."""
    lits = []
    out = list(text)
    i = 0
    n = len(text)
    while i < n:
        if text.startswith('--', i):
            j = text.find('\n', i)
            j = n if j < 0 else j
            out[i:j] = ' ' * (j - i)
            i = j
        elif text.startswith('/*', i):
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out[i:j] = [c if c == '\n' else ' ' for c in text[i:j]]
            i = j
        elif text[i] == "'":
            j = i + 1
            while j < n:
                if text[j] == "'":
                    if text.startswith("''", j):
                        j += 2
                        continue
                    break
                j += 1
            lits.append((i, j + 1, text[i + 1:j].replace("''", "'")))
            i = j + 1
        else:
            m = re.compile(r'\$([A-Za-z_][A-Za-z0-9_]*)?\$').match(text, i)
            if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == '_')):
                j = text.find(m.group(0), m.end())
                j = n if j < 0 else j
                lits.append((i, j + len(m.group(0)), text[m.end():j]))
                i = j + len(m.group(0))
            else:
                i += 1
    return lits, ''.join(out)


def psql_variable(code, lits, name):
    """The values a psql variable is given in a script: \\set NAME 'text',
    or SELECT 'text' (or format('text', ...)) AS NAME \\gset; [] when it
    is set otherwise."""
    values = []
    for m in re.finditer(r'\\set\s+%s\s' % name, code):
        eol = code.find('\n', m.end())
        got = [c for a, b, c in lits if m.end() <= a < (len(code) if eol < 0 else eol)]
        if not got:
            return []
        values.append(got[0])
    for m in re.finditer(r'\bAS\s+%s\b[^\n;]*\\gset' % name, code, re.I):
        select = [k.end() for k in re.finditer(r'\bSELECT\b', code[:m.start()], re.I)]
        got = [c for a, b, c in lits if select and select[-1] <= a < m.start()]
        if not got:
            return []
        values.append(got[0])
    return values


def sql_programs(text, path, line0, found, depth=0):
    """The shell commands of "program" options in SQL text (and in the
    SQL string literals inside it): found gets (command, path:line), or
    (None, path:line) for a program the scan cannot read."""
    if depth > 3:
        return
    lits, code = sql_literals(text)
    for m in PROGRAM_LITERAL.finditer(code):
        cmd = m.group(1).replace("''", "'")
        if cmd.strip():
            found.append((cmd, '%s:%d' % (path, line_of(text, m.start(), line0))))
    for m in PROGRAM_OTHER.finditer(code):
        where = '%s:%d' % (path, line_of(text, m.start(), line0))
        values = psql_variable(code, lits, m.group(1)) if m.group(1) else []
        for v in values or [None]:
            found.append((v, where))
    # format('... program %L ...', 'command', ...)
    for m in FORMAT_CALL.finditer(code):
        end = skip_balanced(code, m.end(), '(', ')')
        args = [c for a, b, c in lits if m.end() <= a < end]
        if not args or not re.search(r'\bprogram\s+%', args[0], re.I):
            continue
        where = '%s:%d' % (path, line_of(text, m.start(), line0))
        for pm in re.finditer(r'\bprogram\s+%', args[0], re.I):
            index = len([p for p in FORMAT_PLACEHOLDER.findall(args[0][:pm.end() - 1])
                         if p != '%'])
            # the arguments must all be literals up to that one
            if index + 1 < len(args):
                found.append((args[index + 1], where))
            else:
                found.append((None, where))
    for a, b, inner in lits:
        if re.search(r'\bprogram\b', inner, re.I):
            sql_programs(inner, path, line_of(text, a, line0), found, depth + 1)


def report_programs(programs, uses, ctx, root):
    """Each program option: /bin/sh runs it."""
    for cmd, where in programs:
        if cmd is None:
            uses.add('unresolved', 'a program option built at run time', where)
            continue
        uses.add('command', 'sh', where)
        path, line = where.rsplit(':', 1)
        scan_shell_text(cmd, path, uses, ctx, root, int(line))


# ---------------------------------------------------------------------
# Python


SUBPROCESS = {'subprocess.run', 'subprocess.call', 'subprocess.check_call',
              'subprocess.check_output', 'subprocess.Popen', 'os.execvp', 'os.execlp',
              'os.spawnlp', 'os.spawnvp'}
SHELL_CALLS = {'os.system', 'os.popen'}
PERCENT = re.compile(r'%(?:\([^)]*\))?[-#0 +]*(?:\*|[0-9]+)?(?:\.[0-9]+)?[a-zA-Z%]')


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + '.' + node.attr if base else None
    return None


class PyModule:
    """One Python file: its functions and assignments, for resolving the
    strings an expression can take."""

    def __init__(self, path, tree):
        self.path = path
        self.tree = tree
        self.functions = {}
        self.assigns = {}       # name or self.attr -> [expr]
        self.loops = {}         # loop variable -> iterable expr
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions[node.name] = node
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    key = dotted(t)
                    if key:
                        self.assigns.setdefault(key, []).append(node.value)
            elif isinstance(node, ast.For):
                key = dotted(node.target)
                if key:
                    self.loops.setdefault(key, []).append(node.iter)


class PyScan:
    """The uses of the Python files of the repository."""

    def __init__(self, files, uses, ctx, root):
        self.uses = uses
        self.ctx = ctx
        self.root = root
        self.modules = {}
        self.local_names = {os.path.basename(p)[:-3] for p in files if p.endswith('.py')}
        for p in files:
            with open(os.path.join(root, p), encoding='utf-8') as f:
                src = f.read()
            self.modules[p] = PyModule(p, ast.parse(src, p))
        self.by_name = {}
        for m in self.modules.values():
            for fname, node in m.functions.items():
                self.by_name.setdefault(fname, []).append((m, node))

    def resolve(self, expr, mod, env, depth=0):
        """The strings expr can be (with placeholders for what varies), or
        None when some of them cannot be told."""
        if depth > 12:
            return None
        r = lambda e, m=mod, en=env: self.resolve(e, m, en, depth + 1)
        if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
            return [expr.value]
        if isinstance(expr, ast.JoinedStr):
            s = ''.join(v.value if isinstance(v, ast.Constant) else '{}' for v in expr.values)
            return [s]
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
            return r(expr.left)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            left, right = r(expr.left), r(expr.right)
            if left is None:
                return None
            return [a + b for a in left for b in (right if right is not None else ['{}'])]
        if isinstance(expr, ast.IfExp):
            a, b = r(expr.body), r(expr.orelse)
            return None if a is None or b is None else a + b
        if isinstance(expr, (ast.Name, ast.Attribute)):
            key = dotted(expr)
            if key in env:
                return env[key]
            vals = []
            for e in mod.assigns.get(key, []):
                got = r(e)
                if got is None:
                    return None
                vals += got
            for it in mod.loops.get(key, []):
                if isinstance(it, (ast.Tuple, ast.List)):
                    for e in it.elts:
                        got = r(e)
                        if got is None:
                            return None
                        vals += got
                else:
                    return None
            return vals or None
        if isinstance(expr, ast.Call):
            fname = dotted(expr.func)
            if fname in ('str', 'shutil.which') and expr.args:
                return r(expr.args[0])
            if fname in ('os.path.join', 'os.path.abspath', 'os.path.dirname'):
                return ['{}']
            if isinstance(expr.func, ast.Attribute) and expr.func.attr == 'replace' and \
                    len(expr.args) == 2 and all(isinstance(a, ast.Constant) for a in expr.args):
                got = r(expr.func.value)
                return None if got is None else \
                    [s.replace(expr.args[0].value, expr.args[1].value) for s in got]
            if isinstance(expr.func, ast.Attribute) and expr.func.attr in ('strip', 'format'):
                return r(expr.func.value)
            name = fname.rsplit('.', 1)[-1] if fname else None
            if name in self.by_name:
                vals = []
                for m, node in self.by_name[name]:
                    params = [a.arg for a in node.args.args]
                    if params and params[0] == 'self':
                        params = params[1:]
                    bound = {}
                    for p, a in zip(params, expr.args):
                        got = r(a)
                        if got is not None:
                            bound[p] = got
                    for ret in ast.walk(node):
                        if isinstance(ret, ast.Return) and ret.value is not None:
                            got = self.resolve(ret.value, m, bound, depth + 1)
                            if got is None:
                                return None
                            vals += got
                return vals or None
            return None
        return None

    def argv0(self, expr, mod, depth=0):
        """The program of an argument vector."""
        if depth > 6:
            return None
        if isinstance(expr, (ast.List, ast.Tuple)):
            return self.resolve(expr.elts[0], mod, {}) if expr.elts else None
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            # a command list with arguments appended: its first word
            return self.argv0(expr.left, mod, depth + 1)
        if isinstance(expr, (ast.Name, ast.Attribute)):
            vals = []
            for e in mod.assigns.get(dotted(expr), []):
                got = self.argv0(e, mod, depth + 1)
                if got is None:
                    return None
                vals += got
            return vals or None
        return None

    def shell_strings(self, strings, where):
        path, line = where.rsplit(':', 1)
        for s in strings:
            scan_shell_text(s, path, self.uses, self.ctx, self.root, int(line))

    def program(self, expr, mod, where):
        """A "program" option's value: a shell command."""
        got = self.resolve(expr, mod, {})
        if got is None:
            self.uses.add('unresolved', 'a program option built at run time', where)
            return
        self.uses.add('command', 'sh', where)
        self.shell_strings(got, where)

    def scan(self):
        for path, mod in self.modules.items():
            self.scan_module(path, mod)

    def scan_module(self, path, mod):
        for node in ast.walk(mod.tree):
            where = '%s:%d' % (path, getattr(node, 'lineno', 0))
            if isinstance(node, ast.Import):
                for a in node.names:
                    self.module(a.name.split('.')[0], where)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                self.module(node.module.split('.')[0], where)
            elif isinstance(node, ast.Call):
                fname = dotted(node.func)
                if fname in SUBPROCESS and node.args:
                    shell = any(k.arg == 'shell' and isinstance(k.value, ast.Constant) and
                                k.value.value for k in node.keywords)
                    if shell:
                        got = self.resolve(node.args[0], mod, {})
                        if got is None:
                            self.uses.add('unresolved', 'a shell command built at run time', where)
                        else:
                            self.shell_strings(got, where)
                        continue
                    got = self.argv0(node.args[0], mod)
                    if got is None:
                        self.uses.add('unresolved', 'a program run by %s' % fname, where)
                    for g in got or []:
                        self.word(g, where)
                elif fname in SHELL_CALLS and node.args:
                    got = self.resolve(node.args[0], mod, {})
                    if got is None:
                        self.uses.add('unresolved', 'a shell command built at run time', where)
                    else:
                        self.shell_strings(got, where)
                elif fname == 'shutil.which' and node.args:
                    for g in self.resolve(node.args[0], mod, {}) or []:
                        self.word(g, where)
                for k in node.keywords:
                    if k.arg == 'program':
                        self.program(k.value, mod, where)
            elif isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values):
                    if isinstance(key, ast.Constant) and key.value == 'program':
                        self.program(value, mod, where)
            elif isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Constant) and \
                            t.slice.value == 'program':
                        self.program(node.value, mod, where)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    re.search(r'\bprogram\b', node.value, re.I):
                found = []
                sql_programs(node.value, path, node.lineno, found)
                report_programs([f for f in found if f[0] is not None], self.uses, self.ctx,
                                self.root)
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and \
                    isinstance(node.left, ast.Constant) and isinstance(node.left.value, str):
                self.percent_program(node, mod, where)

    def percent_program(self, node, mod, where):
        """'... program %s ...' % (..., value, ...): the value's command."""
        fmt = node.left.value
        args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        for m in re.finditer(r'\bprogram\s+%', fmt, re.I):
            index = len([p for p in PERCENT.findall(fmt[:m.end() - 1]) if p != '%%'])
            if index >= len(args):
                self.uses.add('unresolved', 'a program option built at run time', where)
                continue
            got = self.resolve(args[index], mod, {})
            if got is None:
                self.uses.add('unresolved', 'a program option built at run time', where)
                continue
            for s in got:
                # the value is an SQL literal (quote_literal), or bare
                lit = re.match(r"'((?:[^']|'')*)'", s)
                cmd = lit.group(1).replace("''", "'") if lit else s
                self.uses.add('command', 'sh', where)
                self.shell_strings([cmd], where)

    def word(self, s, where):
        if s.startswith('/'):
            self.uses.add('path', s, where)
        elif NAME_RE.match(s):
            self.uses.add('command', s, where)
        else:
            self.uses.add('unresolved', s, where)

    def module(self, name, where):
        if name in self.local_names or name == '__future__':
            return
        self.uses.add('module', name, where)


# ---------------------------------------------------------------------
# Makefiles


MAKE_ASSIGN = re.compile(r'^(?:override\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(?:\?|:|::|\+)?=\s*(.*)$')
SANITIZER_RUNTIME = {
    'clang': {'address': 'libclang_rt.asan-%s.a', 'undefined': 'libclang_rt.ubsan_standalone-%s.a',
              'fuzzer': 'libclang_rt.fuzzer-%s.a', 'memory': 'libclang_rt.msan-%s.a',
              'thread': 'libclang_rt.tsan-%s.a', 'leak': 'libclang_rt.lsan-%s.a'},
    'gcc': {'address': 'libasan.so', 'undefined': 'libubsan.so', 'thread': 'libtsan.so',
            'leak': 'liblsan.so'},
}


def scan_makefile(path, root, uses, ctx):
    """Recipes (with this file's variables expanded) and $(shell ...)."""
    with open(os.path.join(root, path), encoding='utf-8') as f:
        lines = f.read().split('\n')
    # join continuation lines, remembering where each started
    logical = []
    i = 0
    while i < len(lines):
        start = i
        text = lines[i]
        while text.endswith('\\') and i + 1 < len(lines):
            i += 1
            text = text[:-1] + ' ' + lines[i].lstrip('\t')
        logical.append((start + 1, text))
        i += 1
    variables = {'MAKE': 'make', 'CC': 'cc', 'RM': 'rm -f'}
    for _, text in logical:
        m = MAKE_ASSIGN.match(text)
        if m and not text.startswith('\t'):
            name = m.group(1)
            if '?=' in text and name in variables and name not in ('CC',):
                continue
            # CFLAGS := $(filter-out ..., $(CFLAGS)): the rest of the value
            variables[name] = m.group(2).replace('$(%s)' % name, '')

    def expand(s):
        """Variables replaced by their values, functions and automatic
        variables by a placeholder word, innermost first."""
        ref = re.compile(r'\$(?:\(([^()]*)\)|\{([^{}]*)\}|([@<^?*+]))')

        def sub(m):
            name = m.group(1) or m.group(2)
            if m.group(3) or ' ' in name or ':' in name:
                return 'x'
            return variables.get(name, '')
        for _ in range(20):
            t = ref.sub(sub, s)
            if t == s:
                break
            s = t
        while ref.search(s):
            s = ref.sub('x', s)
        return s

    arch = os.uname().machine
    for lineno, text in logical:
        where = '%s:%d' % (path, lineno)
        for m in re.finditer(r'\$\(shell\s+([^()]*(?:\([^()]*\)[^()]*)*)\)', text):
            scan_shell_text(expand(m.group(1)), path, uses, ctx, root, lineno)
        if not text.startswith('\t'):
            continue
        recipe = expand(text.lstrip('\t').lstrip('@-+'))
        scan_shell_text(recipe, path, uses, ctx, root, lineno)
        words = recipe.split()
        if not words:
            continue
        cc = words[0]
        family = 'clang' if 'clang' in cc else 'gcc'
        if '-c' in words:
            continue        # compiling only: nothing is linked
        for w in words:
            if w.startswith('-l') and len(w) > 2:
                uses.add('library', w[2:], where, cc)
            elif w.startswith('-fsanitize='):
                for s in w.split('=', 1)[1].split(','):
                    runtime = SANITIZER_RUNTIME[family].get(s)
                    if runtime:
                        uses.add('runtime', runtime.replace('%s', arch), where, cc)


# ---------------------------------------------------------------------
# Which files


def tracked_files(root):
    """The committed files (git), else every file (a tarball)."""
    try:
        out = subprocess.run(['git', '-C', root, 'ls-files', '-z', '--cached', '--others',
                              '--exclude-standard'], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL, check=True).stdout.decode()
        return [p for p in out.split('\0') if p]
    except (OSError, subprocess.CalledProcessError):
        files = []
        for d, _, names in os.walk(root):
            if '/.git' in d:
                continue
            files += [os.path.relpath(os.path.join(d, n), root) for n in names]
        return files


def kind_of(root, path):
    base = os.path.basename(path)
    if base == 'Makefile' or base.endswith('.mk'):
        return 'make'
    if base.endswith('.sh'):
        return 'shell'
    if base.endswith('.py'):
        return 'python'
    if base.endswith('.sql') or base.endswith('.psql'):
        return 'sql'
    try:
        with open(os.path.join(root, path), 'rb') as f:
            first = f.readline(200)
    except OSError:
        return None
    if first.startswith(b'#!'):
        if b'python' in first:
            return 'python'
        if re.search(rb'\b(ba|da)?sh\b', first):
            return 'shell'
    return None


def scan(root):
    global BUILTINS
    BUILTINS = bash_words()
    uses = Uses()
    ctx = Context()
    files = [p for p in tracked_files(root)
             if (p.split('/', 1)[0] in ('scripts', 'test', 'demo', '.ci') or '/' not in p)
             and os.path.isfile(os.path.join(root, p))]
    kinds = {p: kind_of(root, p) for p in files}
    # functions first: lib.sh's wrappers serve every script
    shell = [p for p in files if kinds[p] == 'shell']
    collected = {}
    for p in shell:
        with open(os.path.join(root, p), encoding='utf-8', errors='replace') as f:
            text = f.read()
        found = []
        scan_shell_text(text, p, uses, ctx, root, collect=found)
        collected[p] = (text, found)
    for p, (text, found) in collected.items():
        for w, a, wh in found:
            unwrap(w, a, wh, ctx, uses, root)
    for p in files:
        if kinds[p] == 'sql':
            with open(os.path.join(root, p), encoding='utf-8', errors='replace') as f:
                programs = []
                sql_programs(f.read(), p, 1, programs)
            report_programs(programs, uses, ctx, root)
        elif kinds[p] == 'make':
            scan_makefile(p, root, uses, ctx)
    PyScan([p for p in files if kinds[p] == 'python'], uses, ctx, root).scan()
    uses.emit()


# ---------------------------------------------------------------------
# The packages a list of packages brings in


def closure(names):
    """The installed packages among names and, recursively, their Depends
    and Pre-Depends (an alternative: the installed one; a virtual
    package: its installed providers)."""
    out = subprocess.run(['dpkg-query', '-W', '-f',
                          '${Package}\t${db:Status-Abbrev}\t${Provides}\t${Pre-Depends}, ${Depends}\n'],
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    installed = {}
    providers = {}
    for line in out.split('\n'):
        if not line:
            continue
        pkg, status, provides, deps = line.split('\t')
        if not status.startswith('ii'):
            continue
        installed[pkg] = deps
        for p in provides.split(','):
            p = re.sub(r'\(.*?\)', '', p).strip()
            if p:
                providers.setdefault(p, []).append(pkg)

    def candidates(name):
        name = name.split(':')[0]
        return ([name] if name in installed else []) + providers.get(name, [])

    seen = set()
    todo = [c for n in names for c in candidates(n)]
    while todo:
        pkg = todo.pop()
        if pkg in seen:
            continue
        seen.add(pkg)
        for group in installed[pkg].split(','):
            alts = [re.sub(r'\(.*?\)|\[.*?\]|<.*?>', '', a).strip() for a in group.split('|')]
            for a in alts:
                c = candidates(a)
                if c:
                    todo.extend(c)
                    break
    for pkg in sorted(seen):
        print(pkg)


def main(argv):
    if len(argv) >= 2 and argv[0] == 'scan':
        scan(argv[1])
    elif argv and argv[0] == 'closure':
        closure(argv[1:])
    else:
        sys.stderr.write('usage: deps_scan.py scan ROOT | closure PKG...\n')
        return 2
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
