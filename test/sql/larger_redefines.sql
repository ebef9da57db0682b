-- allow_larger_redefines: a REDEFINES below level 01 that is larger than
-- the item it redefines.  IBM Enterprise COBOL rejects it (the default);
-- Cobrix and cb2xml accept it and the area grows to the largest
-- definition.  Offsets: A is 1 byte, B (X(3)) is redefined by C (X(5)), so
-- the area B/C takes 5 bytes and D starts at offset 6 (8 bytes in all).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
SELECT E'       01 R.\n           05 A PIC X.\n           05 B PIC X(3).\n' ||
       E'           05 C REDEFINES B PIC X(5).\n           05 D PIC X(2).' AS cpy \gset

\set VERBOSITY terse
SELECT * FROM zfdw.copybook_layout(:'cpy');
\set VERBOSITY default
SELECT name, "offset", length, redefines
  FROM zfdw.copybook_layout(:'cpy', allow_larger_redefines => true);

CREATE SERVER larger FOREIGN DATA WRAPPER zfdw;
\set f :abs_srcdir '/data/hand/explicit.dat'
CREATE FOREIGN TABLE strict_r (a text, c text, d text) SERVER larger
  OPTIONS (copybook_text :'cpy', filename :'f');
SELECT * FROM zt_error('SELECT * FROM strict_r');
CREATE FOREIGN TABLE larger_r (a text, c text, d text) SERVER larger
  OPTIONS (copybook_text :'cpy', filename :'f', allow_larger_redefines 'true');
SELECT * FROM zt_explain('SELECT * FROM larger_r') WHERE zt_explain LIKE '%Record Length%';
SELECT * FROM zt_error($$CREATE FOREIGN TABLE bad_r (a text) SERVER larger
  OPTIONS (copybook_text 'x', allow_larger_redefines 'maybe')$$);
CREATE SCHEMA imported;
IMPORT FOREIGN SCHEMA r FROM SERVER larger INTO imported
  OPTIONS (copybook_text :'cpy', filename :'f', allow_larger_redefines 'true');
SELECT attname, attfdwoptions FROM pg_attribute
 WHERE attrelid = 'imported.r'::regclass AND attnum > 0 ORDER BY attnum;
SELECT * FROM zt_explain('SELECT * FROM imported.r') WHERE zt_explain LIKE '%Record Length%';
DROP SCHEMA imported CASCADE;
DROP SERVER larger CASCADE;
