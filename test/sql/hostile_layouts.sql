-- Hostile input, layouts: copybooks that ask for too much (OCCURS
-- 999999999, huge fields, more fields or text than the limits allow),
-- 10,000 nesting levels, a REDEFINES larger than its target, broken ODO
-- definitions, binary garbage for a copybook, and DB2 DDL nested 10,000
-- deep.  Each is refused by the parser with its position, in bounded time
-- and memory, and the limit errors name the setting that raises them.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_hostile_layouts;
SET search_path = test_hostile_layouts, public;
SET statement_timeout = '5min';
\set dir :abs_srcdir '/data/hostile/'
\set good :dir 'good.dat'
\set brackets :dir 'brackets.dat'
\set garbage :dir 'garbage.cpy'
\set garbage_nonul :dir 'garbage_nonul.cpy'
\set nul :dir 'nul.cpy'

CREATE SERVER hostile FOREIGN DATA WRAPPER zfdw;

-- Parse a copybook; print its number of items, or the error.  The text
-- goes through a setting, so that the error context does not repeat it.
CREATE FUNCTION zt_parse(copybook text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('zfdw_test.copybook', copybook, false);
    RETURN QUERY SELECT zt_error($q$SELECT count(*) FROM zfdw.copybook_layout(current_setting('zfdw_test.copybook'))$q$);
END $$;

-- 1. OCCURS 999999999, directly and as an ODO maximum
SELECT zt_parse('01 R. 05 A PIC X(4) OCCURS 999999999 TIMES.');
SELECT zt_parse('01 R. 05 N PIC 9(9). 05 A PIC X OCCURS 1 TO 999999999 DEPENDING ON N.');
-- tables within tables multiply: 1000 x 1000 x 1000 bytes is too long
SELECT zt_parse('01 R. 05 A OCCURS 1000. 10 B OCCURS 1000. 15 C OCCURS 1000. 20 D PIC X.');
-- the same through a table's copybook_text: refused when the table is read
CREATE FOREIGN TABLE many (a text[]) SERVER hostile
    OPTIONS (filename :'good', copybook_text '01 R. 05 A PIC X(4) OCCURS 999999999 TIMES.');
SELECT zt_error($$SELECT * FROM many$$);
-- and through IMPORT
SELECT zt_error($$IMPORT FOREIGN SCHEMA r FROM SERVER hostile INTO test_hostile_layouts OPTIONS (copybook_text '01 R. 05 A PIC X(4) OCCURS 999999999 TIMES.')$$);
-- a column's own occurs option is bounded too
SELECT zt_error($$CREATE FOREIGN TABLE occ (a text[] OPTIONS (position '1', length '1', occurs '999999999')) SERVER hostile OPTIONS (filename '/nonexistent')$$);
-- zfdw.max_occurs is the setting
SET zfdw.max_occurs = 3;
SELECT zt_parse('01 R. 05 A PIC X OCCURS 4.');
RESET zfdw.max_occurs;

-- 2. 10,000 nesting levels: COBOL has level numbers 01 to 49, so the
-- 50th level is refused at once ...
SELECT zt_parse(string_agg(format('%s L%s.', i, i), E'\n' ORDER BY i))
  FROM generate_series(1, 10000) AS i;
-- ... while the deepest legal nesting, 49 levels, reads (here as jsonb)
SELECT string_agg(format('%s L%s.', i, i), E'\n' ORDER BY i) || E'\n49 L49 PIC X(4).' AS deep
  FROM generate_series(1, 48) AS i \gset
SELECT count(*), max(level) FROM zfdw.copybook_layout(:'deep');
CREATE FOREIGN TABLE deep (l2 jsonb) SERVER hostile
    OPTIONS (filename :'brackets', copybook_text :'deep');
SELECT length(l2::text), l2::text LIKE '{"l3": {"l4": %' AS nested,
       jsonb_path_query_first(l2, 'strict $.**.l49') AS leaf
  FROM deep;
-- nested OCCURS 2, 40 deep: 2^40 elements are refused, not allocated
SELECT zt_parse('01 L1.' || string_agg(format(' %s L%s OCCURS 2.', i, i), '' ORDER BY i) || ' 49 L49 PIC X.')
  FROM generate_series(2, 41) AS i;
-- DB2 DDL nested 10,000 parentheses deep
SELECT zt_error(format('SELECT zfdw.db2_ddl_to_pg(%L)',
       'CREATE TABLE T (A INT CHECK (' || repeat('(', 10000) || 'A > 0' || repeat(')', 10000) || '));'));

-- 3. REDEFINES larger than the item it redefines, and other broken
-- REDEFINES and ODO definitions
SELECT zt_parse('01 R. 05 A PIC X(4). 05 B REDEFINES A PIC X(8).');
SELECT zt_parse('01 R. 05 A PIC X(4). 05 B PIC X. 05 C REDEFINES A PIC X(2).');
SELECT zt_parse('01 R. 05 A PIC X REDEFINES A.');
SELECT zt_parse('01 R. 05 A PIC X OCCURS 0 TO 5 DEPENDING ON A.');
SELECT zt_parse('01 R. 05 N PIC 9. 05 A PIC X OCCURS 5 TO 2 DEPENDING ON N.');
SELECT zt_parse('01 R. 05 N PIC 9. 05 A PIC X OCCURS 1 TO 2 DEPENDING ON MISSING.');
SELECT zt_parse('01 R. 05 A PIC X. 66 B RENAMES A THRU MISSING.');

-- 4. huge field lengths
SELECT zt_parse('01 R. 05 A PIC X(999999999).');
SELECT zt_parse('01 R. 05 A PIC X(2147483648).');
SELECT zt_parse('01 R. 05 A PIC X(18446744073709551617).');
SELECT zt_parse('01 R. 05 A PIC ' || repeat('X', 100000) || '.');
SELECT zt_parse('01 R. 05 A PIC 9(100).');
SELECT zt_parse('01 R. 05 A PIC S9(99999) COMP-3.');
SELECT zt_error($$CREATE FOREIGN TABLE huge (a text OPTIONS (position '1', length '99999999999')) SERVER hostile OPTIONS (filename '/nonexistent')$$);
SELECT zt_error($$CREATE FOREIGN TABLE huge (a text OPTIONS (position '0', length '1')) SERVER hostile OPTIONS (filename '/nonexistent')$$);
SELECT zt_error($$CREATE FOREIGN TABLE huge (a numeric OPTIONS (position '1', pic 'S9(5)', scale '1000')) SERVER hostile OPTIONS (filename '/nonexistent')$$);

-- 5. more fields and more copybook text than the limits allow
SET zfdw.max_fields = 10;
SELECT zt_parse('01 R.' || string_agg(format(' 05 F%s PIC X.', i), '') )
  FROM generate_series(1, 11) AS i;
RESET zfdw.max_fields;
SET zfdw.max_layout_source = 1024;
SELECT zt_parse('01 R. 05 A PIC X.' || repeat(' ', 1100));
CREATE FOREIGN TABLE source_limit (a text) SERVER hostile
    OPTIONS (filename :'good', copybook :'garbage');
SELECT zt_error($$SELECT * FROM source_limit$$);
RESET zfdw.max_layout_source;
-- (17 writes the unit after both bounds of the range: shown once)
SELECT regexp_replace(e, '\(1024 B \.\. 268435455 B\)', '(1024 .. 268435455)') AS zt_error
  FROM zt_error($$SET zfdw.max_layout_source = 100$$) AS e;

-- 6. a copybook that is not a copybook
-- binary garbage (with NUL bytes), garbage without NUL bytes (invalid
-- UTF-8), and a copybook with a NUL byte that would cut it short
CREATE FOREIGN TABLE garbage (a text) SERVER hostile OPTIONS (filename :'good', copybook :'garbage');
SELECT zt_error($$SELECT * FROM garbage$$);
ALTER FOREIGN TABLE garbage OPTIONS (SET copybook :'garbage_nonul');
SELECT zt_error($$SELECT * FROM garbage$$);
ALTER FOREIGN TABLE garbage OPTIONS (SET copybook :'nul');
SELECT zt_error($$SELECT * FROM garbage$$);
SELECT zt_error(format($$IMPORT FOREIGN SCHEMA r FROM SERVER hostile INTO test_hostile_layouts OPTIONS (copybook %L, filename %L)$$, :'garbage', :'good'));
-- text garbage made in SQL: words, punctuation, an unclosed literal,
-- 100,000 parentheses, an empty copybook
SELECT zt_parse(string_agg(md5(i::text), ' ' ORDER BY i)) FROM generate_series(1, 20000) AS i;
SELECT zt_parse(string_agg(chr(33 + (i * 7919) % 94), '' ORDER BY i)) FROM generate_series(1, 100000) AS i;
SELECT zt_parse('01 R. 05 A PIC X VALUE "' || repeat('x', 100000));
SELECT zt_parse(repeat('(', 100000));
SELECT zt_parse('');
SELECT zt_parse('      * only a comment');
-- a token cut in the middle of a character is still valid text in the
-- message (the cut character becomes ?)
SELECT zt_parse('x' || repeat('é', 100));

-- 7. DB2 punches (SYSPUNCH LOAD statements)
-- Parse a punch; print its number of items, or the error.
CREATE FUNCTION zt_punch(punch text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM set_config('zfdw_test.punch', punch, false);
    RETURN QUERY SELECT zt_error($q$SELECT count(*) FROM zfdw.punch_layout(current_setting('zfdw_test.punch'))$q$);
END $$;
-- positions that overlap are read as written: each column its own bytes
SELECT name, "offset", length FROM zfdw.punch_layout($$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(1:4) CHAR(4), "B" POSITION(3:6) CHAR(4) )$$);
-- positions beyond any record, inverted or zero, a type longer than its
-- POSITION, a VARCHAR that runs into the next field, a WHEN beyond the
-- record
SELECT zt_punch($$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(999999999:999999999) CHAR(1) )$$);
SELECT zt_punch($$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(1:4294967300) CHAR(4294967300) )$$);
SELECT zt_punch($$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(5:2) CHAR(4) )$$);
SELECT zt_punch($$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(0:3) CHAR(4) )$$);
SELECT zt_punch($$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(1:2) CHAR(4) )$$);
SELECT zt_punch($$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(1) VARCHAR(32767), "B" POSITION(10) CHAR(1) )$$);
SELECT zt_punch($$LOAD DATA INTO TABLE "C"."T" WHEN(1:99999999) = X'00' ( "A" POSITION(1:4) CHAR(4) )$$);
-- a field named twice, far apart, among 100,000 (found at once, not by
-- comparing every pair)
SELECT zt_punch('LOAD DATA INTO TABLE "C"."T" (' ||
                string_agg(format('"F%s" POSITION(%s) CHAR(1)', CASE WHEN i = 99999 THEN 2 ELSE i END, i), ', ' ORDER BY i) || ')')
  FROM generate_series(1, 99999) AS i;
-- more fields than zfdw.max_fields
SELECT zt_punch('LOAD DATA INTO TABLE "C"."T" (' ||
                string_agg(format('"F%s" POSITION(%s) CHAR(1)', i, i), ', ' ORDER BY i) || ')')
  FROM generate_series(1, 100001) AS i;
-- garbage
SELECT zt_punch(repeat('(', 100000));
SELECT zt_punch(string_agg(md5(i::text), ' ' ORDER BY i)) FROM generate_series(1, 20000) AS i;
SELECT zt_punch('LOAD DATA INTO TABLE "C"."T' || repeat('é', 100));
-- a null indicator beyond the record: an error, not a silent "not null"
CREATE FOREIGN TABLE far_null (a text) SERVER hostile OPTIONS (filename :'good', lrecl '10',
    punch_text $$LOAD DATA INTO TABLE "C"."T" ( "A" POSITION(1:4) CHAR(4) NULLIF(999999)=X'FF' )$$);
SELECT zt_error($$SELECT * FROM far_null$$);
-- IMPORT of a record with more fields than a table has columns stops at
-- the 1,601st, before naming the rest
SELECT '01 R.' || string_agg(format(' 05 F%s PIC X.', i), '' ORDER BY i) AS wide FROM generate_series(1, 20000) AS i \gset
SELECT zt_error(format('IMPORT FOREIGN SCHEMA r FROM SERVER hostile INTO test_hostile_layouts OPTIONS (copybook_text %L)', :'wide'));

-- the backend is still there
SELECT count(*) FROM zfdw.copybook_layout('01 R. 05 A PIC X.');

DROP SCHEMA test_hostile_layouts CASCADE;
DROP SERVER hostile;
