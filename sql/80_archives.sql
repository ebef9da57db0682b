-- Archives: virtual tape images (AWSTAPE, HET) and TSO TRANSMIT files.

CREATE FUNCTION tape_contents(filename text,
    OUT file int, OUT dataset text, OUT recfm text, OUT lrecl int,
    OUT blksize int, OUT blocks bigint, OUT bytes bigint, OUT created date,
    OUT system text, OUT job_step text, OUT volume text, OUT volume_seq int,
    OUT label_blocks bigint, OUT continued boolean, OUT compressed boolean,
    OUT min_block int, OUT max_block int)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_tape_contents'
LANGUAGE C VOLATILE STRICT;

REVOKE ALL ON FUNCTION tape_contents(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tape_contents(text) TO pg_read_server_files;

COMMENT ON FUNCTION tape_contents(text) IS
'one row per file of a virtual tape image (AWSTAPE or HET): its labels (data set name, RECFM, LRECL, BLKSIZE, creation date, system, job and step) and its blocks and bytes';

CREATE FUNCTION xmit_contents(filename text,
    OUT file int, OUT dataset text, OUT member text, OUT message boolean,
    OUT dsorg text, OUT recfm text, OUT lrecl int, OUT blksize int,
    OUT size bigint, OUT records bigint, OUT bytes bigint, OUT alias boolean,
    OUT version text, OUT created date, OUT changed timestamp,
    OUT lines int, OUT init_lines int, OUT mod_lines int, OUT userid text,
    OUT sender text, OUT sent timestamp)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_xmit_contents'
LANGUAGE C VOLATILE STRICT;

REVOKE ALL ON FUNCTION xmit_contents(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION xmit_contents(text) TO pg_read_server_files;

COMMENT ON FUNCTION xmit_contents(text) IS
'the data sets of a TSO TRANSMIT (XMIT) file and the members of a library in it, with their ISPF statistics';
