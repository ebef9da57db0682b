-- DB2 for z/OS UNLOAD files: the layout a SYSPUNCH describes.

CREATE FUNCTION punch_layout(punch text, ddl text DEFAULT NULL,
    OUT record text, OUT path text, OUT level int, OUT name text,
    OUT "offset" int, OUT length int, OUT usage text, OUT picture text,
    OUT digits int, OUT scale int, OUT signed boolean, OUT occurs int,
    OUT occurs_min int, OUT depending_on text, OUT redefines text,
    OUT pg_type text, OUT null_indicator int)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_punch_layout'
LANGUAGE C STABLE CALLED ON NULL INPUT;

COMMENT ON FUNCTION punch_layout(text, text) IS
'the layout of a DB2 SYSPUNCH (the LOAD statement UNLOAD writes), with DECIMAL precision and scale from the DDL when given: one row per field of every INTO TABLE, offsets 0-based, null_indicator the offset of its null indicator byte';
