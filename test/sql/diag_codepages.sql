-- zfdw.guess_codepage and the code page check on files written by
-- GnuCOBOL in ten national code pages (test/data/diag/pages, see its
-- generate.sh): names and addresses in each language, 80-byte records
-- (name 30, street 30, city 20).  The oracle is what the COBOL program
-- DISPLAYed (<page>.expected.txt) and the page it was told to write.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
-- warnings name the file in their context line, which differs from clone
-- to clone: leave context lines out (zt_error shows them, as <srcdir>)
\set SHOW_CONTEXT never
CREATE SCHEMA test_diag_codepages;
SET search_path = test_diag_codepages, public;
\set pages :abs_srcdir '/data/diag/pages/'
SELECT set_config('zfdw_test.pages', :'pages', false) IS NOT NULL AS pages_set;
CREATE SERVER diag_codepages FOREIGN DATA WRAPPER zfdw;
CREATE TABLE page_list (page text PRIMARY KEY);
INSERT INTO page_list VALUES ('cp037'), ('cp273'), ('cp277'), ('cp278'), ('cp280'),
    ('cp284'), ('cp297'), ('cp871'), ('cp1141'), ('cp1147');

-- 1. the page each file was written in ranks first, over its text fields
--    and over the whole file alike.  (Danish cp277 and Swedish cp278 put
--    their own letters on the same bytes, æ/ä, ø/ö, Æ/Ä, Ø/Ö: they are
--    told apart by é, which only cp278 has where both have letters, as
--    in the Swedish name Lindén.)
SELECT p.page,
       (SELECT codepage FROM zfdw.guess_codepage(current_setting('zfdw_test.pages') || p.page || '.dat',
                                                 '{"lrecl": 80, "text": [[0, 30], [30, 30], [60, 20]]}') LIMIT 1) AS by_fields,
       (SELECT codepage FROM zfdw.guess_codepage(current_setting('zfdw_test.pages') || p.page || '.dat') LIMIT 1) AS whole_file
  FROM page_list p ORDER BY p.page;

-- the ranking of one file, with samples
SELECT codepage, score, sample
  FROM zfdw.guess_codepage(:'pages' || 'cp273.dat', '{"lrecl": 80, "text": [[0, 80]]}') LIMIT 4;

-- 2. read in the right page, each file gives what the program DISPLAYed
DO $$
DECLARE
    p text;
    n bigint;
BEGIN
    FOR p IN SELECT page FROM page_list ORDER BY page LOOP
        EXECUTE format($f$CREATE FOREIGN TABLE %I (name text, street text, city text)
            SERVER diag_codepages OPTIONS (filename %L, codepage %L,
            copybook_text '01 R. 05 NAME PIC X(30). 05 STREET PIC X(30). 05 CITY PIC X(20).')$f$,
            'read_' || p, current_setting('zfdw_test.pages') || p || '.dat', p);
        EXECUTE format($f$CREATE TEMP TABLE %I (line text)$f$, 'exp_' || p);
        EXECUTE format($f$COPY %I FROM %L$f$, 'exp_' || p,
                       current_setting('zfdw_test.pages') || p || '.expected.txt');
        EXECUTE format($f$SELECT count(*) FROM (
            SELECT name || '|' || street || '|' || city FROM %I
            EXCEPT ALL SELECT line FROM %I) x$f$, 'read_' || p, 'exp_' || p) INTO n;
        RAISE NOTICE '%: % records differ', p, n;
    END LOOP;
END $$;
SELECT * FROM read_cp277 LIMIT 2;
SELECT * FROM read_cp1141 WHERE name LIKE '%€%';

-- 3. read in a wrong page, the scan warns and names the right one
\set de :pages 'cp273.dat'
\set fr :pages 'cp297.dat'
CREATE FOREIGN TABLE de_as_037 (name text, street text, city text)
  SERVER diag_codepages OPTIONS (filename :'de', codepage 'cp037',
    copybook_text '01 R. 05 NAME PIC X(30). 05 STREET PIC X(30). 05 CITY PIC X(20).');
SELECT name FROM de_as_037 LIMIT 1;
CREATE FOREIGN TABLE fr_as_037 (name text, street text, city text)
  SERVER diag_codepages OPTIONS (filename :'fr', codepage 'cp037',
    copybook_text '01 R. 05 NAME PIC X(30). 05 STREET PIC X(30). 05 CITY PIC X(20).');
SELECT name, street FROM fr_as_037 LIMIT 2;
-- a page that reads the letters as other letters draws no warning (it
-- cannot be told from a spelling): guess_codepage is the tool then
SET client_min_messages = warning;
CREATE FOREIGN TABLE fr_as_280 (name text, street text, city text)
  SERVER diag_codepages OPTIONS (filename :'fr', codepage 'cp280',
    copybook_text '01 R. 05 NAME PIC X(30). 05 STREET PIC X(30). 05 CITY PIC X(20).');
SELECT name, street FROM fr_as_280 LIMIT 2;
RESET client_min_messages;
DROP SCHEMA test_diag_codepages CASCADE;
DROP SERVER diag_codepages;
