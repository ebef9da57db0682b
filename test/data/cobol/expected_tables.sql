-- expected_tables.sql - tables that hold the expected-values files of
-- the COBOL fixtures, one per copybook, with the column names and types
-- a foreign table over the fixture would have.  Load a file with
--   \copy fixrec_expected FROM 'fixed_cp037.expected.tsv' WITH (FORMAT text, HEADER match)
-- (COPY text format, header line, tab-separated; see README.md).
-- Text columns hold the field exactly as stored: trailing blanks kept.

CREATE TABLE fixrec_expected (
	fx_id            integer,
	fx_text          text,
	fx_code          text,
	fx_uns_zoned     numeric(5,0),
	fx_sgn_zoned     numeric(9,2),
	fx_sgn_lead      numeric(5,0),
	fx_sgn_trail_sep numeric(6,1),
	fx_sgn_lead_sep  numeric(3,0),
	fx_pk_odd        numeric(9,2),
	fx_pk_even       numeric(6,0),
	fx_pk_uns_odd    numeric(7,2),
	fx_pk_uns_even   numeric(4,0),
	fx_pk_frac       numeric(3,3),
	fx_pk_18         numeric(18,0),
	fx_pk_big        numeric(31,2),
	fx_bin_s2        numeric(4,0),
	fx_bin_u2        numeric(4,2),
	fx_bin_s4        numeric(9,2),
	fx_bin_u4        numeric(9,0),
	fx_bin_s8        numeric(18,2),
	fx_bin_u8        numeric(18,0),
	fx_c5_s2         smallint,	-- COMP-5: the binary capacity, not the picture
	fx_c5_u4         bigint,
	fx_c5_s8         bigint,
	fx_scores        numeric(3,0)[],
	fx_item_code     text[],
	fx_item_qty      numeric(3,0)[],
	fx_date          numeric(8,0),
	fx_date_yyyy     numeric(4,0),
	fx_date_mm       numeric(2,0),
	fx_date_dd       numeric(2,0),
	fx_trailer       text
);

CREATE TABLE odorec_expected (
	ord_id           numeric(6,0),
	ord_customer     text,
	ord_date         numeric(8,0),
	ord_line_count   numeric(2,0),
	ord_sku          text[],
	ord_qty          numeric(5,0)[],
	ord_price        numeric(9,2)[]
);

CREATE TABLE odoslide_expected (
	stmt_account     numeric(10,0),
	stmt_txn_count   numeric(4,0),
	txn_date         numeric(8,0)[],
	txn_type         text[],
	txn_amount       numeric(11,2)[],
	stmt_closing_bal numeric(13,2),
	stmt_branch_name text,
	stmt_seq         numeric(5,0)
);

CREATE TABLE acctmast_expected (
	acct_number          numeric(10,0),
	acct_customer_id     numeric(8,0),
	acct_holder_name     text,
	acct_branch          numeric(4,0),
	acct_product_code    text,
	acct_currency        text,
	acct_open_date       numeric(8,0),
	acct_status          text,
	acct_current_bal     numeric(15,2),
	acct_available_bal   numeric(15,2),
	acct_overdraft_limit numeric(11,2),
	acct_interest_rate   numeric(7,4),
	acct_last_activity   numeric(8,0)
);
