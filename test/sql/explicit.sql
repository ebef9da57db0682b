-- Foreign tables described by column options alone (no copybook), over
-- hand-checked bytes: test/data/hand/make.sh explains every byte.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_explicit;
SET search_path = test_explicit, public;
\set explicit :abs_srcdir '/data/hand/explicit.dat'
\set bad_packed :abs_srcdir '/data/hand/bad_packed.dat'
\set short :abs_srcdir '/data/hand/short.dat'
\set rdw :abs_srcdir '/data/hand/rdw.dat'
\set bad_rdw :abs_srcdir '/data/hand/bad_rdw.dat'
\set bad2 :abs_srcdir '/data/hand/bad2.dat'

CREATE SERVER hand FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'cp037');

CREATE FOREIGN TABLE explicit (
    name   text          OPTIONS (position '1', length '5'),
    amount numeric(5,0)  OPTIONS (position '6', pic 'S9(5)', usage 'comp-3'),
    count  integer       OPTIONS (position '9', pic 'S9(9)', usage 'comp'),
    rate   numeric(4,1)  OPTIONS (position '13', pic 'S9(3)V9'),
    ratio  float8        OPTIONS (position '17', usage 'comp-1'),
    recno  bigint        OPTIONS (meta 'record_number'),
    raw    bytea         OPTIONS (meta 'raw_record')
) SERVER hand OPTIONS (filename :'explicit', lrecl '20');

-- every value, worked out by hand in make.sh
SELECT recno, name, amount, count, rate, ratio FROM explicit ORDER BY recno;

-- only the columns a query uses are decoded: a table with the same file
-- but a column that would fail (name as numeric) works when not selected
CREATE FOREIGN TABLE explicit_partial (
    name   numeric       OPTIONS (position '1', length '5'),
    amount numeric       OPTIONS (position '6', pic 'S9(5)', usage 'comp-3')
) SERVER hand OPTIONS (filename :'explicit', lrecl '20');
SELECT sum(amount) FROM explicit_partial;
SELECT zt_error($$SELECT name FROM explicit_partial$$);

-- the raw bytes and untrimmed text
CREATE FOREIGN TABLE explicit_raw (
    name   text    OPTIONS (position '1', length '5', trim 'none'),
    name_b bytea   OPTIONS (position '1', length '5'),
    amount text    OPTIONS (position '6', pic 'S9(5)', usage 'comp-3'),
    rate   text    OPTIONS (position '13', pic 'S9(3)V9')
) SERVER hand OPTIONS (filename :'explicit', lrecl '20');
SELECT '[' || name || ']' AS name, name_b, amount, rate FROM explicit_raw;

-- never truncated, never rounded: varchar(2) and numeric(4,0) refuse
CREATE FOREIGN TABLE explicit_narrow (
    name   varchar(2)    OPTIONS (position '1', length '5'),
    rate   numeric(4,0)  OPTIONS (position '13', pic 'S9(3)V9')
) SERVER hand OPTIONS (filename :'explicit', lrecl '20');
SELECT zt_error($$SELECT name FROM explicit_narrow$$);
SELECT zt_error($$SELECT rate FROM explicit_narrow$$);

-- a bad packed decimal: stop (default), null, skip
CREATE FOREIGN TABLE bad (
    name   text          OPTIONS (position '1', length '5'),
    amount numeric(5,0)  OPTIONS (position '6', pic 'S9(5)', usage 'comp-3')
) SERVER hand OPTIONS (filename :'bad_packed', lrecl '20');
SELECT zt_error($$SELECT * FROM bad$$);
ALTER FOREIGN TABLE bad OPTIONS (ADD on_error 'null');
SELECT * FROM bad;
ALTER FOREIGN TABLE bad OPTIONS (SET on_error 'skip');
SELECT * FROM bad;
ALTER FOREIGN TABLE bad OPTIONS (ADD log_verbosity 'verbose');
SELECT * FROM bad;
-- a record is skipped when a column the query reads is bad: count(*)
-- reads no column, so it counts every record
ALTER FOREIGN TABLE bad OPTIONS (ADD reject_limit '1', DROP log_verbosity);
SELECT count(*), count(amount) FROM bad;
ALTER FOREIGN TABLE bad OPTIONS (SET filename :'bad2');
SELECT zt_error($$SELECT sum(amount) FROM bad$$);

-- a file whose size is not a multiple of lrecl
CREATE FOREIGN TABLE short (name text OPTIONS (position '1', length '5'))
    SERVER hand OPTIONS (filename :'short', lrecl '20');
SELECT zt_error($$SELECT * FROM short$$);

-- variable records with RDWs; a broken RDW chain
CREATE FOREIGN TABLE rdw (word text OPTIONS (position '1', length '5'),
                          len bigint OPTIONS (meta 'record_length'),
                          rec bytea OPTIONS (meta 'raw_record'))
    SERVER hand OPTIONS (filename :'rdw', recfm 'vb');
SELECT rec, len FROM rdw;
SELECT zt_error($$SELECT word FROM rdw$$);
CREATE FOREIGN TABLE bad_rdw (rec bytea OPTIONS (meta 'raw_record'))
    SERVER hand OPTIONS (filename :'bad_rdw', recfm 'vb');
SELECT zt_error($$SELECT * FROM bad_rdw$$);

-- options are checked when they are given
CREATE FOREIGN TABLE bad_options (a text OPTIONS (position '1', length '1'))
    SERVER hand OPTIONS (filename :'explicit', recfm 'xb');
CREATE FOREIGN TABLE bad_options (a text OPTIONS (position '0', length '1'))
    SERVER hand OPTIONS (filename :'explicit');
CREATE FOREIGN TABLE bad_options (a text OPTIONS (pic 'S9(3)X'))
    SERVER hand OPTIONS (filename :'explicit');
CREATE FOREIGN TABLE bad_options (a text OPTIONS (position '1', length '1'))
    SERVER hand OPTIONS (filename :'explicit', codepage 'cp99999');
CREATE FOREIGN TABLE bad_options (a text OPTIONS (position '1', length '1'))
    SERVER hand OPTIONS (filename :'explicit', program 'cat x');
CREATE FOREIGN TABLE bad_options (a text OPTIONS (position '1', length '1'))
    SERVER hand OPTIONS (filename :'explicit', colour 'blue');

-- EXPLAIN names the file, its format, record length and code page
SELECT zt_explain($$(COSTS OFF) SELECT name FROM explicit$$);

-- text padded with low-values: an error by default, padding on request
\set lowvals :abs_srcdir '/data/hand/lowvals.dat'
CREATE FOREIGN TABLE lowvals (t text OPTIONS (position '1', length '8'),
                              n bigint OPTIONS (meta 'record_number'))
    SERVER hand OPTIONS (filename :'lowvals', lrecl '8');
SELECT zt_error($$SELECT * FROM lowvals$$);
ALTER FOREIGN TABLE lowvals OPTIONS (ADD trim_low_values 'true', ADD on_error 'null');
SELECT n, '[' || t || ']' AS t FROM lowvals;
ALTER FOREIGN TABLE lowvals ALTER COLUMN t OPTIONS (ADD null_if 'low_values');
SELECT n, '[' || t || ']' AS t FROM lowvals;

-- a segment filter on a binary record type, given in hex
\set segs :abs_srcdir '/data/hand/segs.dat'
CREATE FOREIGN TABLE segs (rt integer OPTIONS (position '1', pic '9(4)', usage 'comp'),
                           v text OPTIONS (position '3', length '4'))
    SERVER hand OPTIONS (filename :'segs', lrecl '6',
                         segment_field 'rt', segment_value 'X''0001''');
SELECT * FROM segs;
ALTER FOREIGN TABLE segs OPTIONS (SET segment_value '2');
SELECT * FROM segs;
ALTER FOREIGN TABLE segs OPTIONS (SET segment_value 'X''01''');
SELECT zt_error($$SELECT * FROM segs$$);

-- log_verbosity 'silent': no notice at all
ALTER FOREIGN TABLE bad OPTIONS (SET filename :'bad_packed', DROP reject_limit, ADD log_verbosity 'silent');
SELECT * FROM bad;

-- numerics are written in PostgreSQL's canonical form (the bytes
-- numeric_in makes of the same text): every scale, zero, the int8 limits,
-- values with zero base-10000 groups inside and at either end
WITH vals AS (
    SELECT v FROM unnest(ARRAY[0, 1, -1, 5, 9999, 10000, -10000, 50000, 123456789,
        100000000, 700000000, 100000001, 12345678901234567, 1000000000000000000,
        -9223372036854775808, 9223372036854775807]::int8[]) v),
digits AS (
    SELECT v, s, lpad(abs(v::numeric)::text, greatest(length(abs(v::numeric)::text), s + 1), '0') AS t
      FROM vals, generate_series(0, 18) s),
refs AS (
    SELECT v, s, (CASE WHEN v < 0 THEN '-' ELSE '' END ||
                  CASE WHEN s = 0 THEN t ELSE left(t, -s) || '.' || right(t, s) END)::numeric AS r
      FROM digits)
SELECT count(*) AS cases,
       count(*) FILTER (WHERE numeric_send(zfdw.from_binary(int8send(v), s)) <> numeric_send(r)) AS not_canonical,
       count(*) FILTER (WHERE zfdw.from_binary(int8send(v), s)::text <> r::text) AS wrong_text
  FROM refs;
