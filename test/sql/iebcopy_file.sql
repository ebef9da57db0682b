-- Standalone IEBCOPY unloads (container 'iebcopy'): no outside reader of
-- the format exists here, so each is made from a TSO TRANSMIT file of
-- ../shared/conformance/xmit by test/data/archive/xmit_unload.py (an
-- independent NETDATA reader: it joins the segments and writes the
-- library's unload records, behind RDWs, or as VS blocks behind BDWs and
-- SDWs), and zfdw's records of every member, its listing and its errors
-- are checked against the same library read inside the XMIT (whose
-- members xmit_samples checks against Hercules' dasdload + dasdpdsu).
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_iebcopy_file;
SET search_path = test_iebcopy_file, public;
\set xdir :abs_srcdir '/../../shared/conformance/xmit'
\set pds :xdir '/test_pds.xmi'
\set msg :xdir '/test_pds_msg.xmi'

-- the unloads, in the data directory's iebcopy_tmp
SELECT format('cat >/dev/null && rm -rf iebcopy_tmp && mkdir iebcopy_tmp && cd iebcopy_tmp && '
              'g=%s/data/archive/xmit_unload.py && '
              'python3 "$g" %s pds.rdw rdw && python3 "$g" %s pds.blk blocks 3120 && '
              'python3 "$g" %s msg.rdw rdw && python3 "$g" %s msg.blk blocks 800 && '
              'head -c 20000 pds.rdw > cut.rdw && '
              'cp pds.blk damaged.blk && printf %s | dd of=damaged.blk bs=1 seek=3122 conv=notrunc 2>/dev/null && '
              'head -c 4000 %s/data/archive/gen_nl.aws | tail -c 800 > plain.dat',
              :'abs_srcdir', :'pds', :'pds', :'msg', :'msg', '''\377''', :'abs_srcdir') AS make_cmd \gset
COPY (SELECT 1) TO PROGRAM :'make_cmd';

CREATE SERVER iebcopy_file FOREIGN DATA WRAPPER zfdw;

-- the listing: xmit_contents reads an unload as an XMIT's library
SELECT file, dataset, member, message, dsorg, recfm, lrecl, blksize, size, records, sender
FROM zfdw.xmit_contents('iebcopy_tmp/pds.rdw') WHERE member IS NULL;
CREATE FUNCTION listing_differences(unload text, xmit text) RETURNS TABLE (members bigint, differences bigint)
LANGUAGE sql AS $$
    WITH x AS (SELECT member, recfm, lrecl, blksize, alias, records, bytes, version, created,
                      changed, lines, init_lines, mod_lines, userid
               FROM zfdw.xmit_contents(xmit) WHERE member IS NOT NULL),
         u AS (SELECT member, recfm, lrecl, blksize, alias, records, bytes, version, created,
                      changed, lines, init_lines, mod_lines, userid
               FROM zfdw.xmit_contents(unload) WHERE member IS NOT NULL)
    SELECT (SELECT count(*) FROM u),
           (SELECT count(*) FROM ((SELECT * FROM x EXCEPT ALL SELECT * FROM u)
                                  UNION ALL (SELECT * FROM u EXCEPT ALL SELECT * FROM x)) d) $$;
SELECT f, l.* FROM (VALUES ('pds.rdw', :'pds'), ('pds.blk', :'pds'), ('msg.rdw', :'msg'),
                           ('msg.blk', :'msg')) AS v(f, x),
       listing_differences('iebcopy_tmp/' || f, x) l ORDER BY f;

-- every member's records: the unload's equal the XMIT's, in order
CREATE FUNCTION members_table(name text, path text, container text, members text DEFAULT '*')
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('CREATE FOREIGN TABLE %I (member text OPTIONS (meta %L),
                    raw bytea OPTIONS (meta %L), recno bigint OPTIONS (meta %L))
                    SERVER iebcopy_file OPTIONS (filename %L, container %L, member %L)',
                   name, 'member_name', 'raw_record', 'record_number', path, container, members);
END $$;
SELECT members_table('x_pds', :'pds', 'xmit'), members_table('x_msg', :'msg', 'xmit'),
       members_table('u_pds_rdw', 'iebcopy_tmp/pds.rdw', 'iebcopy'),
       members_table('u_pds_blk', 'iebcopy_tmp/pds.blk', 'iebcopy'),
       members_table('u_msg_rdw', 'iebcopy_tmp/msg.rdw', 'auto'),
       members_table('u_msg_blk', 'iebcopy_tmp/msg.blk', 'auto');
CREATE FUNCTION record_differences(u text, x text)
RETURNS TABLE (members bigint, records bigint, differences bigint)
LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'SELECT count(DISTINCT coalesce(a.member, b.member)), count(a.raw),
                count(*) FILTER (WHERE a.raw IS DISTINCT FROM b.raw)
         FROM (SELECT member, raw, row_number() OVER (PARTITION BY member ORDER BY recno) AS n FROM %I) a
         FULL JOIN (SELECT member, raw, row_number() OVER (PARTITION BY member ORDER BY recno) AS n FROM %I) b
         USING (member, n)', u, x);
END $$;
SELECT u, r.* FROM (VALUES ('u_pds_rdw', 'x_pds'), ('u_pds_blk', 'x_pds'),
                           ('u_msg_rdw', 'x_msg'), ('u_msg_blk', 'x_msg')) AS v(u, x),
       record_differences(u, x) r ORDER BY u;
-- the order of the records too: the same record numbers
SELECT count(*) AS differences FROM
    ((SELECT member, raw, recno FROM u_pds_blk EXCEPT ALL SELECT member, raw, recno FROM x_pds)
     UNION ALL (SELECT member, raw, recno FROM x_pds EXCEPT ALL SELECT member, raw, recno FROM u_pds_blk)) d;

-- one member, a glob, and EXPLAIN ('auto' recognised the unload)
CREATE FOREIGN TABLE jes2hist (line text OPTIONS (position '1', length '72'))
    SERVER iebcopy_file OPTIONS (filename 'iebcopy_tmp/pds.rdw', container 'auto', member 'jes2hist');
SELECT line FROM jes2hist LIMIT 3;
SELECT * FROM zt_explain('(COSTS OFF) SELECT * FROM jes2hist');
SELECT members_table('j_members', 'iebcopy_tmp/pds.blk', 'iebcopy', 'J*');
SELECT member, count(*) FROM j_members GROUP BY member ORDER BY member;
SELECT member, count(*) FROM x_pds WHERE member LIKE 'J%' GROUP BY member ORDER BY member;

-- errors: no member option, options of other containers, no such
-- member, an unload cut short, a damaged block descriptor (the second
-- block's, at byte 3120), a plain file
SELECT * FROM zt_error($$CREATE FOREIGN TABLE no_member (a bytea OPTIONS (meta 'raw_record'))
    SERVER iebcopy_file OPTIONS (filename 'iebcopy_tmp/pds.rdw', container 'iebcopy');
    SELECT count(*) FROM no_member$$);
SELECT * FROM zt_error($$CREATE FOREIGN TABLE bad_opt (a bytea OPTIONS (meta 'raw_record'))
    SERVER iebcopy_file OPTIONS (filename 'iebcopy_tmp/pds.rdw', container 'iebcopy', member '*', dataset 'X');
    SELECT count(*) FROM bad_opt$$);
ALTER FOREIGN TABLE j_members OPTIONS (SET member 'NOSUCH*');
SELECT * FROM zt_error('SELECT count(*) FROM j_members');
ALTER FOREIGN TABLE j_members OPTIONS (SET member '*', SET filename 'iebcopy_tmp/cut.rdw');
SELECT * FROM zt_error('SELECT count(*) FROM j_members');
SELECT * FROM zt_error($$SELECT count(*) FROM zfdw.xmit_contents('iebcopy_tmp/cut.rdw')$$);
ALTER FOREIGN TABLE j_members OPTIONS (SET filename 'iebcopy_tmp/damaged.blk');
SELECT * FROM zt_error('SELECT count(*) FROM j_members');
ALTER FOREIGN TABLE j_members OPTIONS (SET filename 'iebcopy_tmp/plain.dat');
SELECT * FROM zt_error('SELECT count(*) FROM j_members');
ALTER FOREIGN TABLE j_members OPTIONS (SET container 'auto');
SELECT * FROM zt_error('SELECT count(*) FROM j_members');

COPY (SELECT 1) TO PROGRAM 'cat >/dev/null && rm -rf iebcopy_tmp';
DROP SCHEMA test_iebcopy_file CASCADE;
