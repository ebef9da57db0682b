-- zfdw 1.1: descriptions of the objects that had none in 1.0, so that
-- psql's \dx+ zfdw and \df+ zfdw.* say what each one is.  Objects new in
-- 1.1 carry their COMMENT beside their definition.

COMMENT ON FOREIGN DATA WRAPPER zfdw IS
'IBM z/OS data as foreign tables: copybook-described files, DB2 UNLOAD files with their SYSPUNCH, delimited files and change extracts';

COMMENT ON FUNCTION zfdw_handler() IS
'the handler of the zfdw foreign-data wrapper (planner and executor callbacks)';

COMMENT ON FUNCTION zfdw_validator(text[], oid) IS
'checks the options of zfdw servers, user mappings, foreign tables and columns, and who may set them';

COMMENT ON FUNCTION unpack_decimal(bytea, int) IS
'the value of packed decimal (COMP-3) bytes, with scale digits after the point; an invalid digit or sign nibble is an error';

COMMENT ON FUNCTION unzone(bytea, int, text) IS
'the value of zoned decimal (DISPLAY numeric) bytes in the code page, with scale digits after the point, sign in the last zone or separate';

COMMENT ON FUNCTION from_binary(bytea, int, boolean) IS
'the value of big-endian binary (COMP, COMP-4, COMP-5) bytes, signed or unsigned, with scale digits after the point';

COMMENT ON FUNCTION from_hfp(bytea) IS
'the value of IBM hexadecimal floating-point bytes (COMP-1 short, COMP-2 long) as double precision';

COMMENT ON FUNCTION from_ebcdic(bytea, text) IS
'the text of EBCDIC bytes in the code page (single-byte, or mixed DBCS with shift-out and shift-in)';

COMMENT ON FUNCTION to_ebcdic(text, text) IS
'the bytes of text in the EBCDIC code page; a character the page cannot represent is an error';

COMMENT ON FUNCTION pack_decimal(numeric, int, int) IS
'the packed decimal (COMP-3) bytes of value with digits digits, scale of them after the point; a value that does not fit is an error';

COMMENT ON FUNCTION tod_to_timestamptz(bytea) IS
'the time of a z/Architecture TOD clock value (STCK, 8 bytes; STCKE, 16 bytes)';

COMMENT ON FUNCTION lrsn_to_timestamptz(bytea) IS
'the time of a DB2 for z/OS log record sequence number (LRSN, 6 or 10 bytes) of a data sharing group';

COMMENT ON FUNCTION apply_state_forget_dropped() IS
'event trigger function: a dropped target of zfdw.apply_changes takes its high-water mark with it';

COMMENT ON EVENT TRIGGER zfdw_apply_state_forget_dropped IS
'removes the high-water mark of a dropped target of zfdw.apply_changes';
