-- zfdw 1.0: layouts as rows, and the decoders one value at a time.

CREATE FUNCTION copybook_layout(copybook text, record text DEFAULT NULL,
    allow_larger_redefines boolean DEFAULT false, OUT record text, OUT path text, OUT level int, OUT name text,
    OUT "offset" int, OUT length int, OUT usage text, OUT picture text,
    OUT digits int, OUT scale int, OUT signed boolean, OUT occurs int,
    OUT occurs_min int, OUT depending_on text, OUT redefines text,
    OUT pg_type text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_copybook_layout'
LANGUAGE C STABLE CALLED ON NULL INPUT;

COMMENT ON FUNCTION copybook_layout(text, text, boolean) IS
'the resolved layout of a COBOL copybook: one row per item, offsets as IBM Enterprise COBOL lays them out (allow_larger_redefines: let a REDEFINES below level 01 be larger than the item it redefines, as Cobrix and cb2xml do)';

CREATE FUNCTION unpack_decimal(bytes bytea, scale int DEFAULT 0)
RETURNS numeric
AS 'MODULE_PATHNAME', 'zfdw_unpack_decimal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION unzone(bytes bytea, scale int DEFAULT 0, codepage text DEFAULT 'cp037')
RETURNS numeric
AS 'MODULE_PATHNAME', 'zfdw_unzone'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION from_binary(bytes bytea, scale int DEFAULT 0, signed boolean DEFAULT true)
RETURNS numeric
AS 'MODULE_PATHNAME', 'zfdw_from_binary'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION from_hfp(bytes bytea)
RETURNS double precision
AS 'MODULE_PATHNAME', 'zfdw_from_hfp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION from_ebcdic(bytes bytea, codepage text DEFAULT 'cp037')
RETURNS text
AS 'MODULE_PATHNAME', 'zfdw_from_ebcdic'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION to_ebcdic(value text, codepage text DEFAULT 'cp037')
RETURNS bytea
AS 'MODULE_PATHNAME', 'zfdw_to_ebcdic'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION pack_decimal(value numeric, digits int, scale int DEFAULT 0)
RETURNS bytea
AS 'MODULE_PATHNAME', 'zfdw_pack_decimal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tod_to_timestamptz(bytes bytea)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'zfdw_tod_to_timestamptz'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION lrsn_to_timestamptz(bytes bytea)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'zfdw_lrsn_to_timestamptz'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION inspect_file(filename text, codepage text DEFAULT NULL,
    lrecl int DEFAULT NULL, OUT topic text, OUT finding text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_inspect_file'
LANGUAGE C VOLATILE CALLED ON NULL INPUT;

REVOKE ALL ON FUNCTION inspect_file(text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inspect_file(text, text, int) TO pg_read_server_files;

COMMENT ON FUNCTION inspect_file(text, text, int) IS
'what a file looks like: descriptor chains, fixed lengths, EBCDIC or ASCII, transfer damage, and the table options to use';
