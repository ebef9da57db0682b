-- TSO TRANSMIT files of ../shared/conformance/xmit (read from there, never
-- copied): their data sets and members listed, and every member's records
-- against Hercules' dasdload + dasdpdsu (test/data/archive/pds_members.sh);
-- the sequential one against the same data set on the public tape, as
-- Hercules' hetget extracts it.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_xmit_samples;
SET search_path = test_xmit_samples, public;
\set xdir :abs_srcdir '/../../shared/conformance/xmit'
\set pds :xdir '/test_pds.xmi'
\set msg :xdir '/test_pds_msg.xmi'
\set seq :xdir '/test_seq.xmi'
\set tape :abs_srcdir '/../../shared/conformance/tape/test_tape.aws'
\set oracle :abs_srcdir '/data/archive/pds_members.sh'

CREATE SERVER xmit_samples FOREIGN DATA WRAPPER zfdw;

-- data sets and members, with the ISPF statistics of their directory
SELECT file, dataset, member, message, dsorg, recfm, lrecl, blksize, size,
       records, bytes, version, created, changed, lines, init_lines,
       mod_lines, userid, sender, sent
FROM zfdw.xmit_contents(:'pds');
SELECT file, dataset, member, message, dsorg, recfm, lrecl, records, bytes,
       version, created, changed, lines, userid, sender, sent
FROM zfdw.xmit_contents(:'msg');
SELECT file, dataset, member, dsorg, recfm, lrecl, blksize, records, bytes, sender
FROM zfdw.xmit_contents(:'seq');

-- every member of both libraries, record by record, as dasdpdsu unloads
-- them from the disk dasdload made of the XMIT
CREATE FOREIGN TABLE pds_members (member text OPTIONS (meta 'member_name'),
                                  raw bytea OPTIONS (meta 'raw_record'),
                                  recno bigint OPTIONS (meta 'record_number'))
    SERVER xmit_samples OPTIONS (filename :'pds', container 'xmit', member '*');
\set cmd :oracle ' ' :pds
CREATE FOREIGN TABLE pds_oracle (member text OPTIONS (position '1', length '8', codepage 'latin1'),
                                 raw bytea OPTIONS (position '9', length '80'),
                                 recno bigint OPTIONS (meta 'record_number'))
    SERVER xmit_samples OPTIONS (program :'cmd', lrecl '88');
CREATE VIEW compare_pds AS
SELECT coalesce(z.member, o.member) AS member,
       count(z.raw) AS zfdw_records, count(o.raw) AS dasdpdsu_records,
       count(*) FILTER (WHERE z.raw IS DISTINCT FROM o.raw) AS differences
FROM (SELECT member, raw, row_number() OVER (PARTITION BY member ORDER BY recno) AS n
      FROM pds_members) z
FULL JOIN (SELECT member, raw, row_number() OVER (PARTITION BY member ORDER BY recno) AS n
           FROM pds_oracle) o USING (member, n)
GROUP BY 1 ORDER BY 1;
SELECT * FROM compare_pds;
ALTER FOREIGN TABLE pds_members OPTIONS (SET filename :'msg');
\set cmd :oracle ' ' :msg
ALTER FOREIGN TABLE pds_oracle OPTIONS (SET program :'cmd');
SELECT * FROM compare_pds;

-- a text member through a copybook-free column: JES2HIST's first lines
CREATE FOREIGN TABLE jes2hist (line text OPTIONS (position '1', length '72'))
    SERVER xmit_samples OPTIONS (filename :'pds', container 'xmit', member 'jes2hist');
SELECT line FROM jes2hist LIMIT 3;
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM jes2hist');

-- a glob of members, and members that are not there
CREATE FOREIGN TABLE j_members (member text OPTIONS (meta 'member_name'))
    SERVER xmit_samples OPTIONS (filename :'pds', container 'xmit', member 'J*');
SELECT member, count(*) FROM j_members GROUP BY member ORDER BY member;
ALTER FOREIGN TABLE j_members OPTIONS (SET member 'NOSUCH*');
SELECT * FROM zt_error('SELECT count(*) FROM j_members');
ALTER FOREIGN TABLE j_members OPTIONS (DROP member);
SELECT * FROM zt_error('SELECT count(*) FROM j_members');

-- the message of test_pds_msg.xmi by its position: it has no name; the
-- library by its name
CREATE FOREIGN TABLE by_name (member text OPTIONS (meta 'member_name'))
    SERVER xmit_samples OPTIONS (filename :'msg', container 'xmit', dataset 'python.xmi.pds', member 'T*');
SELECT member, count(*) FROM by_name GROUP BY member;

-- the sequential XMIT: 33 records of 80 bytes (one 2640-byte block cut by
-- LRECL), the same as the data set PYTHON.XMI.SEQ on the public tape
CREATE FOREIGN TABLE seq_xmit (raw bytea OPTIONS (meta 'raw_record'),
                               recno bigint OPTIONS (meta 'record_number'))
    SERVER xmit_samples OPTIONS (filename :'seq', container 'xmit');
CREATE TEMP TABLE hg (b text);
\set cmd 'd=$(mktemp -d) && hetget -u ' :tape ' "$d/o" 1 >/dev/null 2>&1; od -An -v -tx1 "$d/o" | tr -d " \\n"; echo; rm -rf "$d"'
COPY hg FROM PROGRAM :'cmd';
SELECT count(*) AS records,
       string_agg(raw, ''::bytea ORDER BY recno) = (SELECT decode(string_agg(b, ''), 'hex') FROM hg)
           AS same_as_hetget
FROM seq_xmit;
ALTER FOREIGN TABLE seq_xmit OPTIONS (ADD member '*');
SELECT * FROM zt_error('SELECT count(*) FROM seq_xmit');

-- the tape holds the XMIT files too: file 4 is test_pds.xmi byte for byte
-- (read as FB 80), and file 2 is the library's IEBCOPY unload, whose
-- members are the same as the XMIT's
CREATE FOREIGN TABLE tape_file4 (raw bytea OPTIONS (meta 'raw_record'),
                                 recno bigint OPTIONS (meta 'record_number'))
    SERVER xmit_samples OPTIONS (filename :'tape', container 'awstape', tape_file '4');
SELECT string_agg(raw, ''::bytea ORDER BY recno) = pg_read_binary_file(:'pds') AS same_bytes
FROM tape_file4;
ALTER FOREIGN TABLE pds_members OPTIONS (SET filename :'tape', SET container 'awstape', ADD tape_file '2');
\set cmd :oracle ' ' :pds
ALTER FOREIGN TABLE pds_oracle OPTIONS (SET program :'cmd');
SELECT * FROM compare_pds;
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM pds_members');
