/*-------------------------------------------------------------------------
 *
 * fuzz_db2ddl.c
 *	  libFuzzer target for the DB2 DDL parser and PostgreSQL writer
 *	  (db2ddl.c, ddl_*.c): parse fuzzed DDL, query the table model,
 *	  convert it with fuzzer-chosen writer options, and render the script.
 *
 * fuzz-max-len: 4096
 *
 * Input: one option byte (terminator, continue_on_error), one byte of
 * writer options, then the DDL text.
 *
 * Invariants: errors are set properly; the table model holds only what
 * DB2 allows (DECIMAL 1..31 with 0 <= scale <= precision, TIMESTAMP 0..12
 * fraction digits, DECFLOAT 16 or 34, positive lengths) and finds its own
 * tables and columns by name; the conversion has one result per source
 * statement, each statement ending in ';'; the generated SQL leaves no
 * string, identifier, comment or dollar quote open (the quoting of hostile
 * names and literals); when the DDL is valid UTF-8, so is every text the
 * writer produces; and the script text has the length it reports.
 *
 *-------------------------------------------------------------------------
 */
#include "fuzz_common.h"

#include <strings.h>

#include "db2/ddl/db2ddl.h"

static const char terminators[] = {0, ';', '#', '@', '!', 'a', '\n', '%'};

/*
 * A lexical check of generated PostgreSQL SQL: every quoted string,
 * quoted identifier, comment and dollar-quoted body is closed.  Returns
 * NULL when fine, else what is left open.
 */
static const char *
sql_open_quote(const char *s, size_t n)
{
	size_t		i = 0;

	while (i < n)
	{
		char		c = s[i];

		if (c == '\'' || c == '"')
		{
			/* 'string' or "identifier", doubled quotes inside */
			i++;
			for (;;)
			{
				if (i >= n)
					return c == '\'' ? "a string literal" : "a quoted identifier";
				if (s[i] == c)
				{
					if (i + 1 < n && s[i + 1] == c)
					{
						i += 2;
						continue;
					}
					i++;
					break;
				}
				i++;
			}
		}
		else if (c == '-' && i + 1 < n && s[i + 1] == '-')
		{
			while (i < n && s[i] != '\n')
				i++;
		}
		else if (c == '/' && i + 1 < n && s[i + 1] == '*')
		{
			int			depth = 1;

			i += 2;
			while (depth > 0)
			{
				if (i + 1 >= n)
					return "a comment";
				if (s[i] == '/' && s[i + 1] == '*')
					depth++, i += 2;
				else if (s[i] == '*' && s[i + 1] == '/')
					depth--, i += 2;
				else
					i++;
			}
		}
		else if (c == '$' && (i == 0 || !(isalnum((unsigned char) s[i - 1]) ||
										  s[i - 1] == '_')))
		{
			/* $tag$ ... $tag$ */
			size_t		j = i + 1;
			size_t		taglen;
			const char *end;

			while (j < n && (isalnum((unsigned char) s[j]) || s[j] == '_'))
				j++;
			if (j >= n || s[j] != '$' || (j > i + 1 && isdigit((unsigned char) s[i + 1])))
			{
				i++;
				continue;
			}
			taglen = j - i + 1;
			end = NULL;
			for (size_t k = j + 1; k + taglen <= n; k++)
				if (memcmp(s + k, s + i, taglen) == 0)
				{
					end = s + k;
					break;
				}
			if (end == NULL)
				return "a dollar-quoted body";
			i = (size_t) (end - s) + taglen;
		}
		else
			i++;
	}
	return NULL;
}

/* A text the writer produced: terminated, UTF-8 if the input was. */
static void
check_out_text(const char *s, bool utf8_input, const char *what)
{
	if (s == NULL)
		return;
	if (utf8_input)
		FUZZ_CHECK(fuzz_valid_utf8((const uint8_t *) s, strlen(s)),
				   "%s is not valid UTF-8 for valid UTF-8 input", what);
}

/* The table model. */
static void
check_model(const zf_db2_script *script)
{
	int			ntables = zf_db2ddl_table_count(script);

	FUZZ_CHECK(ntables >= 0 && ntables <= zf_db2ddl_statement_count(script) + 1,
			   "%d tables from %d statements", ntables,
			   zf_db2ddl_statement_count(script));
	FUZZ_CHECK(zf_db2ddl_table_at(script, ntables) == NULL &&
			   zf_db2ddl_table_at(script, -1) == NULL, "table_at out of range");
	for (int i = 0; i < ntables; i++)
	{
		const zf_db2_table *t = zf_db2ddl_table_at(script, i);
		const zf_db2_table *again;

		FUZZ_CHECK(t != NULL && t->name != NULL && t->ncolumns >= 0, "table %d", i);
		again = zf_db2ddl_find_table(script, t->creator, t->name);
		FUZZ_CHECK(again != NULL && strcasecmp(again->name, t->name) == 0,
				   "table %s not found by its name", t->name);
		FUZZ_CHECK(zf_db2ddl_column(t, t->ncolumns) == NULL &&
				   zf_db2ddl_column(t, -1) == NULL, "column out of range");
		for (int k = 0; k < t->ncolumns; k++)
		{
			const zf_db2_column *c = zf_db2ddl_column(t, k);
			const zf_db2_column *cagain;

			FUZZ_CHECK(c != NULL && c->name != NULL && c->type_name != NULL,
					   "column %d of %s", k, t->name);
			cagain = zf_db2ddl_find_column(t, c->name);
			FUZZ_CHECK(cagain != NULL && strcasecmp(cagain->name, c->name) == 0,
					   "column %s not found by its name", c->name);
			switch (c->type)
			{
				case ZF_DB2_DECIMAL:
					FUZZ_CHECK(c->precision >= 1 && c->precision <= 31 &&
							   c->scale >= 0 && c->scale <= c->precision,
							   "DECIMAL(%d,%d)", c->precision, c->scale);
					break;
				case ZF_DB2_TIMESTAMP:
				case ZF_DB2_TIMESTAMP_TZ:
					FUZZ_CHECK(c->precision >= 0 && c->precision <= 12,
							   "TIMESTAMP(%d)", c->precision);
					break;
				case ZF_DB2_DECFLOAT:
					FUZZ_CHECK(c->precision == 16 || c->precision == 34,
							   "DECFLOAT(%d)", c->precision);
					break;
				case ZF_DB2_CHAR:
				case ZF_DB2_VARCHAR:
				case ZF_DB2_GRAPHIC:
				case ZF_DB2_VARGRAPHIC:
				case ZF_DB2_BINARY:
				case ZF_DB2_VARBINARY:
				case ZF_DB2_CLOB:
				case ZF_DB2_BLOB:
				case ZF_DB2_DBCLOB:
					FUZZ_CHECK(c->length >= 1, "%s of length %lld", c->type_name,
							   (long long) c->length);
					break;
				default:
					break;
			}
			FUZZ_CHECK(c->default_kind != ZF_DB2_DEFAULT_VALUE || c->default_text != NULL,
					   "default value without text");
		}
	}
}

/* Convert and render; check the SQL. */
static void
convert(const zf_db2_script *script, uint8_t wopts, bool utf8_input)
{
	static const char *const map_from[] = {"SYSADM", "X"};
	static const char *const map_to[] = {"adm", "x y"};
	zf_pg_options o;
	zf_pg_script *out = NULL;
	zf_error	err;
	zf_status	st;

	zf_pg_options_init(&o);
	o.fold_case = !(wopts & 0x01);
	o.unique_nulls_not_distinct = !(wopts & 0x02);
	o.create_schemas = !(wopts & 0x04);
	o.partitioning = !(wopts & 0x08);
	o.missing_references = (zf_pg_missing_refs) ((wopts >> 4) % 3);
	if (wopts & 0x40)
		o.schema = "target";
	if (wopts & 0x80)
	{
		o.schema_map_count = 2;
		o.schema_map_from = map_from;
		o.schema_map_to = map_to;
	}

	zf_error_clear(&err);
	st = zf_db2ddl_to_pg(script, &o, &out, &err);
	fuzz_check_error(st, &err, "db2ddl_to_pg");
	if (st != ZF_OK)
		return;
	FUZZ_CHECK(out->nstatements == zf_db2ddl_statement_count(script),
			   "%d results for %d statements", out->nstatements,
			   zf_db2ddl_statement_count(script));
	for (int i = 0; i < out->nstatements; i++)
	{
		const zf_pg_statement *ps = &out->statements[i];
		const char *open;

		FUZZ_CHECK(ps->kind != NULL && ps->number == i + 1 && ps->line >= 1,
				   "statement %d: kind, number %d or line %d", i + 1, ps->number,
				   ps->line);
		check_out_text(ps->kind, utf8_input, "statement kind");
		check_out_text(ps->object, utf8_input, "statement object");
		FUZZ_CHECK(ps->nnotes >= 0 && (ps->nnotes == 0 || ps->notes != NULL),
				   "notes");
		for (int k = 0; k < ps->nnotes; k++)
		{
			FUZZ_CHECK(ps->notes[k] != NULL && ps->notes[k][0] != '\0', "empty note");
			check_out_text(ps->notes[k], utf8_input, "note");
		}
		if (ps->sql == NULL)
			continue;
		check_out_text(ps->sql, utf8_input, "SQL");
		{
			size_t		n = strlen(ps->sql);

			while (n > 0 && isspace((unsigned char) ps->sql[n - 1]))
				n--;
			FUZZ_CHECK(n > 0 && ps->sql[n - 1] == ';',
					   "statement %d (%s) does not end with ';': %s", i + 1, ps->kind,
					   ps->sql);
		}
		open = sql_open_quote(ps->sql, strlen(ps->sql));
		FUZZ_CHECK(open == NULL, "statement %d (%s) leaves %s open:\n%s", i + 1,
				   ps->kind, open, ps->sql);
	}
	for (int notes = 0; notes < 2; notes++)
	{
		size_t		len = 0;
		const char *text = zf_pg_script_text(out, notes, &len);

		FUZZ_CHECK(text != NULL, "script text is NULL");
		FUZZ_CHECK(strlen(text) == len, "script text of %zu bytes says %zu",
				   strlen(text), len);
		check_out_text(text, utf8_input, "script text");
		if (!notes)
			FUZZ_CHECK(sql_open_quote(text, len) == NULL, "script text leaves %s open",
					   sql_open_quote(text, len));
	}
	zf_pg_script_free(out);
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_input	in = {data, size};
	uint8_t		popts = fuzz_u8(&in);
	uint8_t		wopts = fuzz_u8(&in);
	char	   *text = (char *) fuzz_dup(in.p, in.n);
	zf_db2ddl_parse_options o;
	zf_db2_script *script = NULL;
	zf_error	err;
	zf_status	st;

	memset(&o, 0, sizeof(o));
	o.terminator = terminators[popts % 8];
	o.continue_on_error = popts & 0x08;
	zf_error_clear(&err);
	st = zf_db2ddl_parse(text, in.n, (popts & 0x10) ? NULL : &o, &script, &err);
	fuzz_check_error(st, &err, "db2ddl_parse");
	if (st != ZF_OK)
		FUZZ_CHECK(script == NULL, "failed parse returned a script");
	else
	{
		FUZZ_CHECK(script != NULL, "parse returned no script");
		check_model(script);
		convert(script, wopts, fuzz_valid_utf8(in.p, in.n));
		zf_db2ddl_free(script);
	}
	free(text);
	return 0;
}
