-- DB2 for z/OS UNLOAD ... DELIMITED files: EBCDIC cp037 with RDWs (recfm
-- vb), the same as a z/OS UNIX file ended by NL X'15', and a Unicode
-- (UTF-8) unload.  test/data/delimited/make.sh explains every byte.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
\set vb :abs_srcdir '/data/delimited/db2_dept.vb'
\set nl :abs_srcdir '/data/delimited/db2_dept.nl'
\set utf8 :abs_srcdir '/data/delimited/db2_dept_utf8.del'

-- objects of this test live in their own schema
CREATE SCHEMA delimited_db2;
SET search_path = delimited_db2, public;

CREATE SERVER delimited_db2 FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'cp037');

-- COLDEL ',' CHARDEL '"' DECPT '.' are the defaults; the columns are the
-- fields in order
CREATE FOREIGN TABLE dept (
    deptno   char(3),
    deptname varchar(36),
    mgrno    char(6),
    budget   numeric(9,2),
    started  date,
    updated  timestamp
) SERVER delimited_db2 OPTIONS (filename :'vb', format 'delimited', recfm 'vb');
-- record 2: MGRNO empty (NULL); record 3: quoted delimiter, doubled quotes,
-- MGRNO "" (empty string, not NULL); record 4: VARCHAR trailing blanks
-- kept, BUDGET NULL; record 5: cent and not signs, +0000123.40
SELECT deptno, '[' || deptname || ']' AS deptname,
       coalesce('[' || mgrno || ']', 'NULL') AS mgrno, budget, started, updated
  FROM dept;

-- the same file as text lines ended by NL; EXPLAIN shows the EBCDIC bytes
CREATE FOREIGN TABLE dept_nl (
    deptno   text,
    deptname text,
    mgrno    text,
    budget   numeric,
    started  date,
    updated  timestamp,
    recno    bigint OPTIONS (meta 'record_number'),
    off      bigint OPTIONS (meta 'byte_offset'),
    len      bigint OPTIONS (meta 'record_length')
) SERVER delimited_db2 OPTIONS (filename :'nl', format 'delimited');
SELECT recno, off, len, deptno, deptname, budget FROM dept_nl;
SELECT zt_explain($$(COSTS OFF) SELECT * FROM dept_nl$$);
-- both framings give the same rows
SELECT count(*) AS differing FROM (
    SELECT deptno, deptname, mgrno, budget, started, updated FROM dept
    EXCEPT
    SELECT deptno, deptname, mgrno, budget, started, updated FROM dept_nl) x;

-- delimiters as hex literals, as in the punch (COLDEL X'6B' CHARDEL X'7F');
-- field numbers read some fields only
CREATE FOREIGN TABLE dept_hex2 (deptno text OPTIONS (field '1'), started date OPTIONS (field '5'))
    SERVER delimited_db2 OPTIONS (filename :'nl', format 'delimited', delimiter 'X''6B''', quote 'x''7f''');
SELECT * FROM dept_hex2;

-- timestamps into timestamptz, DB2 text kept as text, dates as text
SET timezone = 'UTC';
CREATE FOREIGN TABLE dept_text (
    deptno  text OPTIONS (field '1'),
    started text OPTIONS (field '5'),
    updated timestamptz,
    upd_txt text OPTIONS (field '6')
) SERVER delimited_db2 OPTIONS (filename :'vb', format 'delimited', recfm 'vb');
SELECT * FROM dept_text;
RESET timezone;

-- values that do not fit are errors, never rounded or truncated
CREATE FOREIGN TABLE dept_narrow (
    deptno   char(3),
    deptname varchar(21),
    mgrno    char(6),
    budget   numeric(9,1),
    started  date,
    updated  timestamp(3)
) SERVER delimited_db2 OPTIONS (filename :'vb', format 'delimited', recfm 'vb');
SELECT zt_error($$SELECT deptname FROM dept_narrow$$);
SELECT zt_error($$SELECT budget FROM dept_narrow$$);
SELECT zt_error($$SELECT updated FROM dept_narrow$$);

-- trim: values come back as stored unless asked; MANUFACTURING SYSTEMS
-- fits varchar(21) once its two trailing blanks are trimmed
ALTER FOREIGN TABLE dept_narrow OPTIONS (ADD trim 'right', ADD on_error 'null');
SELECT deptno, '[' || deptname || ']' AS deptname, budget, updated FROM dept_narrow;

-- read as ASCII by mistake: one field per record, and the count says so
CREATE FOREIGN TABLE dept_ascii (deptno text, deptname text, mgrno text,
                                 budget text, started text, updated text)
    SERVER delimited_db2 OPTIONS (filename :'vb', format 'delimited', recfm 'vb', codepage 'latin1');
SELECT zt_error($$SELECT deptno FROM dept_ascii$$);

-- a layout gives the field order, as a punch with FORMAT DELIMITED does
-- (a copybook stands in for the punch here): columns are bound to fields
-- by name, in any order; numbers are read from their text; character
-- (PIC X) fields are trimmed as fixed-length text is, by the trim option
CREATE FOREIGN TABLE dept_layout (
    budget   numeric(9,2),
    deptno   text,
    updated  timestamp,
    mgrno    text,
    deptname text,
    start    text OPTIONS (field '5')
) SERVER delimited_db2 OPTIONS (filename :'vb', format 'delimited', recfm 'vb',
    copybook_text '
       01 DEPT.
          05 DEPTNO    PIC X(3).
          05 DEPTNAME  PIC X(36).
          05 MGRNO     PIC X(6).
          05 BUDGET    PIC S9(7)V99.
          05 STARTED   PIC X(10).
          05 UPDATED   PIC X(26).');
SELECT deptno, '[' || deptname || ']' AS deptname, mgrno, budget, start, updated
  FROM dept_layout;
CREATE FOREIGN TABLE dept_layout_bad (nosuch text)
    SERVER delimited_db2 OPTIONS (filename :'vb', format 'delimited', recfm 'vb',
    copybook_text '
       01 DEPT.
          05 DEPTNO    PIC X(3).');
SELECT zt_error($$SELECT * FROM dept_layout_bad$$);

-- the Unicode unload: UTF-8, dates quoted this time
CREATE FOREIGN TABLE dept_utf8 (
    deptno   char(3),
    deptname text,
    mgrno    char(6),
    budget   numeric(9,2),
    started  date,
    updated  timestamp
) SERVER delimited_db2 OPTIONS (filename :'utf8', format 'delimited', codepage 'utf8');
SELECT deptno, deptname, length(deptname) AS chars, mgrno, budget, started, updated
  FROM dept_utf8;
