/*-------------------------------------------------------------------------
 *
 * db2ddl.c
 *	  Public entry points of the DB2 DDL parser and its table model.
 *
 * The memory budget of a parse is proportional to the input (every token
 * costs a few dozen bytes, the model a copy of the columns), with a floor
 * for small scripts; input longer than ZF_DB2DDL_MAX_INPUT is refused.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_int.h"

#include <stdlib.h>
#include <string.h>

/* Bytes of arena a script of len bytes may use. */
static size_t
parse_budget(size_t len)
{
	return (size_t) 16 * 1024 * 1024 + len * 40;
}

/* Parse text into a script (see db2ddl.h). */
zf_status
zf_db2ddl_parse(const char *text, size_t len, const zf_db2ddl_parse_options *opts,
				zf_db2_script **script, zf_error *err)
{
	zf_db2_script *s;
	ddl_lexed	lx;
	zf_arena	arena;
	zf_status	st;
	char		term = opts ? opts->terminator : 0;

	*script = NULL;
	zf_error_clear(err);
	if (len > ZF_DB2DDL_MAX_INPUT)
	{
		zf_error_set(err, ZF_E_LIMIT, "DDL text too long (%zu bytes)", len);
		zf_error_detail(err, "At most %d bytes are converted at once.", ZF_DB2DDL_MAX_INPUT);
		zf_error_hint(err, "Split the script into smaller parts.");
		return ZF_E_LIMIT;
	}
	if (term != 0 && !zf_ddl_valid_terminator(term))
		return zf_error_set(err, ZF_E_ARG, "invalid statement terminator \"%c\"", term);

	zf_arena_init(&arena, parse_budget(len));
	s = zf_arena_alloc(&arena, sizeof(zf_db2_script));
	if (s == NULL)
		return zf_error_set(err, ZF_E_NOMEM, "out of memory while parsing DDL");
	s->arena = arena;
	zf_ddl_map_init(&s->table_map, &s->arena);
	zf_ddl_map_init(&s->type_map, &s->arena);
	zf_ddl_map_init(&s->creators, &s->arena);

	st = zf_ddl_lex(&s->arena, text, len, term, &lx, err);
	if (st == ZF_OK)
	{
		s->src = lx.src;
		s->len = len;
		s->tokens = lx.tokens;
		s->ntokens = lx.ntokens;
		st = zf_ddl_parse_script(s, &lx, opts ? opts->continue_on_error : false, err);
	}
	if (st != ZF_OK)
	{
		/* s lives in its own arena: copy the arena out before freeing */
		arena = s->arena;
		zf_arena_free(&arena);
		return st;
	}
	*script = s;
	return ZF_OK;
}

/* Release a parsed script. */
void
zf_db2ddl_free(zf_db2_script *script)
{
	zf_arena	arena;

	if (script == NULL)
		return;
	arena = script->arena;
	zf_arena_free(&arena);
}

/* Number of tables in the model. */
int
zf_db2ddl_table_count(const zf_db2_script *script)
{
	return script ? script->ntables : 0;
}

/* Table i of the model, in script order. */
const zf_db2_table *
zf_db2ddl_table_at(const zf_db2_script *script, int i)
{
	if (script == NULL || i < 0 || i >= script->ntables)
		return NULL;
	return &script->tables[i]->pub;
}

/* Number of source statements. */
int
zf_db2ddl_statement_count(const zf_db2_script *script)
{
	return script ? script->nstmts : 0;
}

/* Compare a DB2 name with a caller's, ignoring case and trailing blanks. */
static bool
name_equal(const char *db2, const char *want)
{
	size_t		n = strlen(want);

	while (n > 0 && want[n - 1] == ' ')
		n--;
	return strlen(db2) == n && zf_ddl_strcasecmp_n(db2, want, n) == 0;
}

/* The latest table named creator.name (creator NULL: any creator). */
const zf_db2_table *
zf_db2ddl_find_table(const zf_db2_script *script, const char *creator,
					 const char *name)
{
	if (script == NULL || name == NULL)
		return NULL;
	for (int i = script->ntables - 1; i >= 0; i--)
	{
		const zf_db2_table *t = &script->tables[i]->pub;

		if (!name_equal(t->name, name))
			continue;
		if (creator == NULL ||
			(t->creator != NULL && name_equal(t->creator, creator)))
			return t;
	}
	return NULL;
}

/* Column i of a table, in DB2 order. */
const zf_db2_column *
zf_db2ddl_column(const zf_db2_table *table, int i)
{
	const ddl_table *t = (const ddl_table *) table;

	if (table == NULL || i < 0 || i >= table->ncolumns)
		return NULL;
	return &t->cols[i]->pub;
}

/* The column of that name (case and trailing blanks ignored), or NULL. */
const zf_db2_column *
zf_db2ddl_find_column(const zf_db2_table *table, const char *name)
{
	const ddl_table *t = (const ddl_table *) table;

	if (table == NULL || name == NULL)
		return NULL;
	for (int i = 0; i < table->ncolumns; i++)
		if (name_equal(t->cols[i]->pub.name, name))
			return &t->cols[i]->pub;
	return NULL;
}
