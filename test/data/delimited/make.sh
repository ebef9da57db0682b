#!/bin/sh
# make.sh: write the delimited fixtures of this folder with printf.
#
# Every file is written out here byte by byte (printf; tr with IBM's cp037
# code points for the EBCDIC ones) and explained; the expected values in
# test/expected/delimited_*.out were worked out by hand from these bytes,
# not by zfdw.  Run from this folder: sh make.sh
set -e

# ---------------------------------------------------------------------
# EBCDIC: DB2 for z/OS UNLOAD ... DELIMITED in cp037, defaults COLDEL ','
# CHARDEL '"' DECPT '.', as a table DEPT(DEPTNO CHAR(3), DEPTNAME
# VARCHAR(36), MGRNO CHAR(6), BUDGET DECIMAL(9,2), STARTED DATE, UPDATED
# TIMESTAMP) would be unloaded.
#
# cp037 code points (IBM code page 037 chart): A-I C1-C9, J-R D1-D9,
# S-Z E2-E9, 0-9 F0-F9, blank 40, '.' 4B, '+' 4E, '-' 60, ',' 6B,
# '"' 7F, cent sign 4A, not sign 5F, NL (newline) 15.
to037() {
	# ('-' last: inside the set it would make a range)
	tr 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .+,"-' \
	   '\301\302\303\304\305\306\307\310\311\321\322\323\324\325\326\327\330\331\342\343\344\345\346\347\350\351\360\361\362\363\364\365\366\367\370\371\100\113\116\153\177\140'
}

# The five records.  Record 5 holds the cent and not signs (X'4A' X'5F'),
# which have no ASCII form: its text is written in two parts around them.
R1='"A00","SPIFFY COMPUTER SERVICE DIV.","000010",123456.78,2001-01-01,2024-03-31-10.11.12.123456'
R2='"B01","PLANNING",,-50.00,1999-12-31,2024-03-31-23.59.59.000001'
R3='"C01","SAY ""HELLO"", WORLD","",.05,2000-02-29,2000-02-29-00.00.00.000000'
R4='"D11","MANUFACTURING SYSTEMS  ","000060",,2024-02-29,2024-02-29-12.00.00.999999'
R5A='"E21","SOFTWARE SUPPORT '
R5B='","000100",+0000123.40,1970-01-01,1970-01-01-00.00.00.000000'
# What they say:
#  1  a plain row; BUDGET 123456.78; TIMESTAMP with 6 fraction digits
#  2  MGRNO is an empty field: NULL (DB2); BUDGET negative
#  3  DEPTNAME holds a delimiter and doubled quotes: SAY "HELLO", WORLD;
#     MGRNO is "" (a quoted empty string: an empty string, not NULL);
#     BUDGET written without a leading zero
#  4  DEPTNAME keeps two trailing blanks inside its quotes (VARCHAR);
#     BUDGET is NULL
#  5  DEPTNAME ends in cent and not signs; BUDGET with sign and leading
#     zeros, +0000123.40
# Lengths in bytes (one byte per character): 93, 62, 73, 79, 86 (R5A is
# 24, the two signs 2, R5B 60).  Both EBCDIC files below were checked
# byte for byte against Python's cp037 codec (an implementation
# independent of glibc iconv, on which zfdw's tables are built).

# db2_dept.vb: recfm vb as transferred with "quote site rdw": each record
# preceded by its RDW, length + 4 big-endian, then two zero bytes:
# 97 = X'61' (octal 141), 66 = X'42' (102), 77 = X'4D' (115),
# 83 = X'53' (123), 90 = X'5A' (132).
{
	printf '\000\141\000\000'; printf '%s' "$R1" | to037
	printf '\000\102\000\000'; printf '%s' "$R2" | to037
	printf '\000\115\000\000'; printf '%s' "$R3" | to037
	printf '\000\123\000\000'; printf '%s' "$R4" | to037
	printf '\000\132\000\000'; printf '%s' "$R5A" | to037
	printf '\112\137'; printf '%s' "$R5B" | to037
} > db2_dept.vb

# db2_dept.nl: the same records as a z/OS UNIX file, each ended by the
# EBCDIC newline NL X'15' (octal 025).
{
	printf '%s' "$R1" | to037; printf '\025'
	printf '%s' "$R2" | to037; printf '\025'
	printf '%s' "$R3" | to037; printf '\025'
	printf '%s' "$R4" | to037; printf '\025'
	printf '%s' "$R5A" | to037; printf '\112\137'
	printf '%s' "$R5B" | to037; printf '\025'
} > db2_dept.nl

# ---------------------------------------------------------------------
# Unicode: UNLOAD ... DELIMITED UNICODE, UTF-8, LF line ends; dates quoted
# this time.  Non-ASCII text in UTF-8:
#   Caf\303\251      "Café" (é = C3 A9)
#   \342\202\254     the euro sign (E2 82 AC)
#   \346\227\245\346\234\254  "日本" (E6 97 A5, E6 9C AC)
{
	printf '"A00","Caf\303\251 \342\202\254 \346\227\245\346\234\254","000010",10.00,"2001-01-01","2024-03-31-10.11.12.123456"\n'
	printf '"B01","PLANNING",,-0.01,"1999-12-31","2024-03-31-23.59.59.000001"\n'
} > db2_dept_utf8.del

# ---------------------------------------------------------------------
# IIDR (InfoSphere CDC) flat files for DataStage, comma-delimited, strings
# quoted, NULL as an empty field.
#
# iidr_single.csv, single-record format: DM_TIMESTAMP, DM_TXID,
# DM_OPERATION_TYPE, DM_USER, then the before image (before_ACCOUNT_ID,
# before_BALANCE, before_STATUS), then the after image (ACCOUNT_ID,
# BALANCE, STATUS).  An insert has no before image, a delete no after
# image; the third row changes the key 1001 -> 1002.  DM_TIMESTAMP has 12
# fraction digits (DB2 TIMESTAMP(12)), zero beyond the sixth.
{
	printf '"2024-03-31 10:00:00.123456000000","0000000000001A2B","I","BATCH01",,,,1001,500.00,"OPEN"\n'
	printf '"2024-03-31 10:00:01.000000000000","0000000000001A2C","U","TELLER7",1001,500.00,"OPEN",1001,750.25,"OPEN"\n'
	printf '"2024-03-31 10:00:02.000000000000","0000000000001A2D","U","TELLER7",1001,750.25,"OPEN",1002,750.25,"OPEN"\n'
	printf '"2024-03-31 10:00:03.000000000000","0000000000001A2E","D","BATCH01",1002,750.25,"OPEN",,,\n'
} > iidr_single.csv

# iidr_multi.csv, multiple-record format: an update is a before row (B)
# and an after row (A); DM_TIMESTAMP in DB2 form YYYY-MM-DD-HH.MM.SS.ffffff.
{
	printf '"2024-03-31-10.00.00.000001","0000000000001A2B","I","BATCH01",1001,500.00,"OPEN"\n'
	printf '"2024-03-31-10.00.01.000002","0000000000001A2C","B","TELLER7",1001,500.00,"OPEN"\n'
	printf '"2024-03-31-10.00.01.000002","0000000000001A2C","A","TELLER7",1001,750.25,"FROZEN"\n'
	printf '"2024-03-31-10.00.02.000003","0000000000001A2D","D","BATCH01",1001,750.25,"FROZEN"\n'
} > iidr_multi.csv

# ---------------------------------------------------------------------
# AWS DMS CSV.  dms/20240331-1000.csv and dms/20240331-1001.csv: CDC
# files with the Op column first and a commit timestamp column, written
# with AddColumnName (a header); the columns of the header are in another
# order than the foreign table's.  Strings unquoted, as DMS writes them.
mkdir -p dms
{
	printf 'Op,COMMIT_TS,ACCOUNT_ID,STATUS,BALANCE\n'
	printf 'I,2024-03-31 10:00:00.123456,1001,OPEN,500.00\n'
	printf 'U,2024-03-31 10:00:01.000001,1001,OPEN,750.25\n'
} > dms/20240331-1000.csv
{
	printf 'Op,COMMIT_TS,ACCOUNT_ID,STATUS,BALANCE\n'
	printf 'D,2024-03-31 10:01:02.5,1001,OPEN,750.25\n'
} > dms/20240331-1001.csv

# dms_tx.csv: the transaction-ordered form (PreserveTransactions): every
# row is op, table, schema, then that table's values, so the rows of
# ACCOUNT (3 values) and TXN (4 values) have different lengths.  No header.
{
	printf 'I,ACCOUNT,BANK,1001,500.00,OPEN\n'
	printf 'I,TXN,BANK,90001,1001,500.00,2024-03-31 10:00:00\n'
	printf 'U,ACCOUNT,BANK,1001,750.25,OPEN\n'
	printf 'I,TXN,BANK,90002,1001,250.25,2024-03-31 10:00:01\n'
	printf 'D,ACCOUNT,BANK,1001,750.25,OPEN\n'
} > dms_tx.csv

# ---------------------------------------------------------------------
# quirks.csv: a header, then the corners of the grammar, one per row:
#  1  plain
#  2  a quoted delimiter; a DB2 timestamp with one fraction digit
#  3  doubled quotes; an amount with an exponent (3e2 = 300); an empty
#     timestamp (NULL)
#  4  a quoted value over two lines (LF inside the quotes); ISO 'T'
#  5  a quoted value over two lines ended CR LF (\r\n inside the quotes)
#  6  blanks around a quoted value (padding) and around a number
#  7  a quoted empty string (''), an empty amount (NULL), and a trailing
#     delimiter after the last field
# The file's own line ends are LF.
{
	printf 'id,name,amount,when_ts\n'
	printf '1,plain,1.50,2024-03-31 10:11:12\n'
	printf '2,"comma, inside",-2,2024-03-31-10.11.12.5\n'
	printf '3,"say ""hi""",3e2,\n'
	printf '4,"two\nlines",0.001,2024-03-31T10:11:12\n'
	printf '5,"crlf\r\nline",4,2024-03-31 10:11:12\n'
	printf '6,  "padded"  ,   7  ,2024-01-01 00:00:00\n'
	printf '7,"",,2024-01-01 00:00:00,\n'
} > quirks.csv

# bom.csv: UTF-8 with a byte-order mark (EF BB BF) before the header.
{
	printf '\357\273\277id,name\n'
	printf '1,one\n'
} > bom.csv

# semicolon.csv: ';' delimiter, ',' decimal point (DECPT ','), the null
# string NULL: field 3 of row 2 is NULL, field 2 the string "NULL"
# because it is quoted, field 4 of row 1 an empty string.
{
	printf '1;"x";1234,56;\n'
	printf '2;"NULL";NULL;z\n'
} > semicolon.csv

# oracle.csv: plain CSV that PostgreSQL's own COPY CSV parser (file_fdw)
# reads too, as an independent oracle: quoted delimiters, doubled quotes,
# quoted LF and CR LF, NULL (empty) against "" (empty string), blanks kept
# in an unquoted value, UTF-8 (é = C3 A9, the euro sign E2 82 AC).
{
	printf '1,"a,b","say ""x""",,""\n'
	printf '2,"line1\nline2","crlf\r\nx",plain,"\303\251\342\202\254"\n'
	printf '3,,"",  spaced  ,tail\n'
} > oracle.csv

# fixed.dat: delimited records in fixed-length 12-byte records (recfm fb,
# lrecl 12), padded with blanks: "1,abc" + 7 blanks, "22,x y" + 6 blanks.
printf '1,abc       22,x y      ' > fixed.dat

# tabs.tsv: TAB-delimited, no quoting: the quote in a"b is data.
printf '1\ta"b\n2\t"c"\n' > tabs.tsv

# ---------------------------------------------------------------------
# bad.csv: three fields per row (id, name, amount); malformed rows for
# on_error:
#  1  good
#  2  x after the closing quote of "bad" (byte 8 of the record)
#  3  a quote inside the unquoted value ab"c (byte 5)
#  4  well formed, but the amount abc is not a number (a field error)
#  5  two fields where three are expected
#  6  good
#  7  a quote opened at byte 3 and never closed before the end of file
{
	printf '1,"ok",10\n'
	printf '2,"bad"x,20\n'
	printf '3,ab"c,30\n'
	printf '4,"ok4",abc\n'
	printf '5,"ok5"\n'
	printf '6,"ok6",60\n'
	printf '7,"unterminated,70\n'
} > bad.csv
