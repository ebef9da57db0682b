/*-------------------------------------------------------------------------
 *
 * ddl_write.c
 *	  The PostgreSQL writer for parsed DB2 for z/OS DDL: one result per
 *	  source statement, with notes on every clause changed or dropped.
 *
 * The writer walks the statements in order and remembers what it has
 * created (tables with their columns and keys, views, indexes), so that:
 *	- a unique index that repeats the primary key is skipped, and an
 *	  unnamed primary key takes that index's name (a first pass finds it);
 *	- a DB2 UNIQUE index gets NULLS NOT DISTINCT only when a key column
 *	  can be NULL;
 *	- a foreign key, LIKE, view or alias that refers to a table the script
 *	  has not created is guarded (runs only if the table exists), kept or
 *	  left out, as the options say, so the output always runs;
 *	- each schema is created before its first object.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_write.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pg_script_priv
{
	zf_arena	arena;
	zf_pg_script pub;
	const char *text[2];		/* rendered text without / with notes */
	size_t		textlen[2];
} pg_script_priv;

/* The default options (see db2ddl.h). */
void
zf_pg_options_init(zf_pg_options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->fold_case = true;
	opts->unique_nulls_not_distinct = true;
	opts->create_schemas = true;
	opts->partitioning = true;
	opts->missing_references = ZF_PG_MISSING_GUARD;
}

/* ---------------------------------------------------------------------
 * Notes
 * ---------------------------------------------------------------------
 */

/* A new, empty note on the current statement. */
static wnote *
new_note(ddl_writer *w)
{
	wnote	   *n = zf_arena_push(w->arena, (void **) &w->notes, &w->nnotes, &w->capnotes,
							   sizeof(wnote));

	if (n == NULL)
		w->oom = true;
	return n;
}

/* Add a formatted note unless an identical one is there. */
static void add_note(ddl_writer *w, bool capped, const char *fmt, va_list ap)
			__attribute__((format(printf, 3, 0)));

static void
add_note(ddl_writer *w, bool capped, const char *fmt, va_list ap)
{
	char		buf[DDL_MAX_NOTE];
	wnote	   *n;

	if (capped && w->nnotes >= MAX_NOTES)
	{
		w->notes_dropped++;
		return;
	}
	vsnprintf(buf, sizeof(buf), fmt, ap);
	for (int i = 0; i < w->nnotes; i++)
		if (w->notes[i].key == NULL && strcmp(w->notes[i].text, buf) == 0)
			return;
	if ((n = new_note(w)) == NULL)
		return;
	n->text = zf_arena_strdup(w->arena, buf);
	if (n->text == NULL)
	{
		w->oom = true;
		n->text = "";
	}
}

/*
 * A note on the current statement.  At most MAX_NOTES per statement are
 * kept (the rest are counted), so hostile input cannot flood the result.
 */
void
zf_ddlw_note(ddl_writer *w, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	add_note(w, true, fmt, ap);
	va_end(ap);
}

/* A note that is always kept: what happened to the statement as a whole. */
void
zf_ddlw_note_always(ddl_writer *w, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	add_note(w, false, fmt, ap);
	va_end(ap);
}

/*
 * A note collected over several items: "key (columns A, B)", "key (7
 * columns: A, B, C, D, E, ...)".  An item already listed is not listed
 * again (but counted).
 */
void
zf_ddlw_note_agg(ddl_writer *w, const char *key, const char *item,
		   const char *singular, const char *plural)
{
	wnote	   *n = NULL;
	size_t		len;

	for (int i = 0; i < w->nnotes; i++)
		if (w->notes[i].key == key)
			n = &w->notes[i];
	if (n == NULL)
	{
		if (w->nnotes >= MAX_NOTES)
		{
			w->notes_dropped++;
			return;
		}
		if ((n = new_note(w)) == NULL)
			return;
		n->key = key;
		n->text = key;
		n->singular = singular;
		n->plural = plural;
	}
	n->count++;
	len = strlen(n->names);
	if (n->shown < 5 && len + strlen(item) + 3 < sizeof(n->names))
	{
		/* not twice: compare with the names listed so far */
		const char *p = n->names;
		size_t		ilen = strlen(item);

		while (*p)
		{
			const char *e = strstr(p, ", ");
			size_t		l = e ? (size_t) (e - p) : strlen(p);

			if (l == ilen && strncmp(p, item, l) == 0)
				return;
			p += l;
			if (e)
				p += 2;
		}
		snprintf(n->names + len, sizeof(n->names) - len, "%s%s", len ? ", " : "", item);
		n->shown++;
	}
}

/* A note collected over columns. */
void
zf_ddlw_note_col(ddl_writer *w, const char *key, const char *column)
{
	zf_ddlw_note_agg(w, key, column, "column", "columns");
}

/* The notes of the statement as strings in the result arena. */
static const char *const *
final_notes(ddl_writer *w, const ddl_stmt *st, int *count)
{
	int			n = st->nnotes + w->nnotes + 1;
	const char **out;
	int			k = 0;

	*count = 0;
	if (n == 1)
		return NULL;
	out = zf_arena_alloc(w->arena, sizeof(char *) * (size_t) n);
	if (out == NULL)
	{
		w->oom = true;
		return NULL;
	}
	for (int i = 0; i < st->nnotes; i++)
		out[k++] = zf_arena_strdup(w->arena, st->notes[i]);
	for (int i = 0; i < w->nnotes; i++)
	{
		const wnote *nt = &w->notes[i];
		char		buf[DDL_MAX_NOTE + 200];

		if (nt->key == NULL)
			out[k++] = nt->text;
		else
		{
			if (nt->count == 1)
				snprintf(buf, sizeof(buf), "%s (%s %s)", nt->text, nt->singular, nt->names);
			else if (nt->count <= 5 && nt->count == nt->shown)
				snprintf(buf, sizeof(buf), "%s (%s %s)", nt->text, nt->plural, nt->names);
			else
				snprintf(buf, sizeof(buf), "%s (%d %s: %s, ...)", nt->text, nt->count,
						 nt->plural, nt->names);
			out[k++] = zf_arena_strdup(w->arena, buf);
		}
	}
	if (w->notes_dropped > 0)
	{
		char		buf[100];

		snprintf(buf, sizeof(buf), "%d more notes on this statement not shown", w->notes_dropped);
		out[k++] = zf_arena_strdup(w->arena, buf);
	}
	for (int i = 0; i < k; i++)
		if (out[i] == NULL)
			w->oom = true;
	*count = w->oom ? 0 : k;
	return out;
}

/* ---------------------------------------------------------------------
 * Objects, schemas, guards
 * ---------------------------------------------------------------------
 */

/* What the writer knows about the relation qname, or NULL. */
wobj *
zf_ddlw_obj(ddl_writer *w, const char *qname)
{
	return zf_ddl_map_get(&w->objects, qname);
}

/* Remember a created object (replacing an older one of the same name). */
wobj *
zf_ddlw_add_obj(ddl_writer *w, const char *qname, char kind)
{
	wobj	   *o = zf_arena_alloc(w->arena, sizeof(wobj));

	if (o == NULL || !zf_ddl_map_put(&w->objects, qname, o))
	{
		w->oom = true;
		return NULL;
	}
	o->kind = kind;
	o->qname = qname;
	return o;
}

/* Is a relation there for a reference: created, and not only maybe? */
static bool
relation_exists(ddl_writer *w, const char *qname)
{
	wobj	   *o = zf_ddlw_obj(w, qname);

	return o != NULL && (o->kind == 't' || o->kind == 'v' || o->kind == 'm');
}

/* CREATE SCHEMA IF NOT EXISTS before the first object in a schema. */
void
zf_ddlw_create_schema(ddl_writer *w, const char *schema)
{
	if (schema == NULL || !w->o->create_schemas || zf_ddl_map_get(&w->schemas, schema))
		return;
	if (!zf_ddl_map_put(&w->schemas, schema, (void *) schema))
	{
		w->oom = true;
		return;
	}
	zf_ddl_buf_printf(&w->sql, "CREATE SCHEMA IF NOT EXISTS %s;\n", schema);
}

/*
 * A dollar-quote tag that does not occur in text: "$<base>$" if it is
 * free, else "$<base>N$" with N one more than the largest N of any
 * "$<base>N$" in the text (a decimal string of any length, so no text can
 * exhaust the choice; one pass over the text).
 */
static const char *
dollar_tag(ddl_writer *w, const char *base, const char *text)
{
	size_t		blen = strlen(base);
	const char *max = NULL;		/* digits of the largest N, no leading 0s */
	size_t		maxlen = 0;
	bool		plain = false;
	ddl_buf		tag;
	const char *result;

	for (const char *p = strchr(text, '$'); p != NULL; p = strchr(p + 1, '$'))
	{
		const char *d;
		size_t		n;

		if (strncmp(p + 1, base, blen) != 0)
			continue;
		d = p + 1 + blen;
		n = strspn(d, "0123456789");
		if (d[n] != '$')
			continue;
		if (n == 0)
		{
			plain = true;
			continue;
		}
		while (n > 1 && *d == '0')
			d++, n--;
		if (max == NULL || n > maxlen || (n == maxlen && strncmp(d, max, n) > 0))
		{
			max = d;
			maxlen = n;
		}
	}
	zf_ddl_buf_init(&tag, (size_t) 1 << 28);
	zf_ddl_buf_printf(&tag, "$%s", base);
	if (plain || max != NULL)
	{
		/* max + 1, as a decimal string */
		char	   *digits = zf_arena_alloc(w->arena, maxlen + 2);
		int			carry = 1;

		if (digits == NULL)
		{
			w->oom = true;
			zf_ddl_buf_free(&tag);
			return "$zfdw_oom$";
		}
		digits[0] = '0';
		if (max != NULL)
			memcpy(digits + 1, max, maxlen);
		else
			maxlen = 0;
		for (size_t i = maxlen + 1; i-- > 0 && carry;)
		{
			if (i > 0 && digits[i] == '9')
				digits[i] = '0';
			else
			{
				digits[i]++;
				carry = 0;
			}
		}
		digits[maxlen + 1] = '\0';
		zf_ddl_buf_puts(&tag, digits[0] == '0' ? digits + 1 : digits);
	}
	zf_ddl_buf_putc(&tag, '$');
	result = tag.failed ? NULL : zf_arena_strdup(w->arena, tag.data);
	zf_ddl_buf_free(&tag);
	if (result == NULL)
	{
		w->oom = true;
		return "$zfdw_oom$";
	}
	return result;
}

/*
 * A statement that runs only if the relations in missing exist: a DO block
 * that checks them with to_regclass() and EXECUTEs the statement, or
 * raises a NOTICE naming the first missing one.  Dollar-quote tags are
 * chosen so that the statement text cannot end them.
 */
void
zf_ddlw_guarded(ddl_writer *w, ddl_buf *out, const wrefs *missing,
		  const char *stmt_sql, const char *what)
{
	ddl_buf		body;
	const char *inner;
	const char *outer;
	char		msg[600];

	zf_ddl_buf_init(&body, 1 << 28);
	inner = dollar_tag(w, "q", stmt_sql);
	zf_ddl_buf_puts(&body, "BEGIN\n    IF ");
	for (int i = 0; i < missing->n; i++)
	{
		if (i > 0)
			zf_ddl_buf_puts(&body, "\n       AND ");
		zf_ddl_buf_puts(&body, "to_regclass(");
		zf_ddlw_literal(&body, missing->qnames[i]);
		zf_ddl_buf_puts(&body, ") IS NOT NULL");
	}
	zf_ddl_buf_printf(&body, " THEN\n        EXECUTE %s%s%s;\n    ELSE\n        RAISE NOTICE '%%', ",
				   inner, stmt_sql, inner);
	snprintf(msg, sizeof(msg), "zfdw: %s not created: %s does not exist", what,
			 missing->n > 0 ? missing->qnames[0] : "a relation");
	zf_ddlw_literal(&body, msg);
	zf_ddl_buf_puts(&body, ";\n    END IF;\nEND\n");
	outer = dollar_tag(w, "zfdw", body.data ? body.data : "");
	zf_ddl_buf_printf(out, "DO %s\n%s%s;\n", outer, body.data ? body.data : "", outer);
	if (body.failed)
		w->oom = true;
	zf_ddl_buf_free(&body);
}

/*
 * The table a name means in ALTER TABLE, CREATE INDEX or COMMENT ON: an
 * alias or synonym of this script stands for its table, as in DB2.
 */
const char *
zf_ddlw_table_qname(ddl_writer *w, const ddl_name *n)
{
	const char *qn = zf_ddlw_qname(w, n);
	const char *target = zf_ddl_map_get(&w->aliases, qn);

	if (target == NULL)
		return qn;
	zf_ddlw_note(w, "%s is an alias of %s: the statement applies to %s", qn, target, target);
	return target;
}

/* "qname\002col\003col...": the key of a column list of a table. */
const char *
zf_ddlw_cols_key(ddl_writer *w, const char *qname, int n, const char *const *cols)
{
	ddl_buf		b;
	const char *k;

	zf_ddl_buf_init(&b, 1 << 20);
	zf_ddl_buf_puts(&b, qname);
	zf_ddl_buf_putc(&b, '\002');
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			zf_ddl_buf_putc(&b, '\003');
		zf_ddl_buf_puts(&b, cols[i]);
	}
	k = (b.failed || b.data == NULL) ? NULL : zf_arena_strdup(w->arena, b.data);
	zf_ddl_buf_free(&b);
	if (k == NULL)
		w->oom = true;
	return k ? k : "";
}

/* Keep a foreign key (its ALTER TABLE) until its parent is created. */
void
zf_ddlw_pending_fk(ddl_writer *w, const char *parent, const char *sql)
{
	wpending   *p = zf_arena_alloc(w->arena, sizeof(wpending));
	wpending   *head = zf_ddl_map_get(&w->pending_fks, parent);

	if (p == NULL || (p->sql = zf_arena_strdup(w->arena, sql)) == NULL)
	{
		w->oom = true;
		return;
	}
	/* keep the source order: append at the end */
	if (head == NULL)
	{
		if (!zf_ddl_map_put(&w->pending_fks, parent, p))
			w->oom = true;
		return;
	}
	while (head->next != NULL)
		head = head->next;
	head->next = p;
}

/* After CREATE TABLE qname: the foreign keys that were waiting for it. */
void
zf_ddlw_flush_pending_fks(ddl_writer *w, const char *qname)
{
	wpending   *p = zf_ddl_map_get(&w->pending_fks, qname);
	int			n = 0;

	for (; p != NULL; p = p->next, n++)
		zf_ddl_buf_puts(&w->sql, p->sql);
	if (n > 0)
	{
		zf_ddlw_note(w, "adds %d foreign key%s of earlier tables that reference %s", n,
			   n > 1 ? "s" : "", qname);
		zf_ddl_map_put(&w->pending_fks, qname, NULL);
	}
}

/* Relations of refs that the script has not created. */
static void
missing_refs(ddl_writer *w, const wrefs *refs, wrefs *missing)
{
	memset(missing, 0, sizeof(*missing));
	for (int i = 0; i < refs->n; i++)
		if (!relation_exists(w, refs->qnames[i]))
			zf_ddlw_refs_add(w, missing, refs->qnames[i]);
}

/*
 * Emit a statement that reads other relations: plain if they all exist,
 * else as the missing_references option says.  Returns the kind to
 * remember the created object with ('g' if it may not exist).
 */
char
zf_ddlw_emit_with_refs(ddl_writer *w, const wrefs *refs, const char *stmt_sql,
			   const char *what, char kind)
{
	wrefs		missing;

	missing_refs(w, refs, &missing);
	for (int i = 0; i < refs->n; i++)
	{
		wobj	   *o = zf_ddlw_obj(w, refs->qnames[i]);

		if (o != NULL)
			o->has_views = true;
	}
	if (missing.n == 0 || w->o->missing_references == ZF_PG_MISSING_KEEP)
	{
		zf_ddl_buf_puts(&w->sql, stmt_sql);
		return kind;
	}
	if (w->o->missing_references == ZF_PG_MISSING_OMIT)
	{
		zf_ddlw_note_always(w, "%s left out: it reads %s, which this script does not create; it was: %s",
					  what, missing.qnames[0], stmt_sql);
		return 0;
	}
	zf_ddlw_guarded(w, &w->sql, &missing, stmt_sql, what);
	zf_ddlw_note_always(w, "%s reads %s, which this script does not create: it is created only if that exists",
				  what, missing.qnames[0]);
	return 'g';
}

/* ---------------------------------------------------------------------
 * First pass: names for primary keys, unique indexes, commented objects
 * ---------------------------------------------------------------------
 */

/*
 * Is ix the index DB2 needed for one of t's UNIQUE constraints?  Then an
 * unnamed constraint takes the index's name.
 */
static bool
unique_constraint_of(ddl_writer *w, const ddl_table *t, const ddl_index *ix,
					 const char *qname)
{
	for (int i = 0; i < t->ncons; i++)
	{
		const ddl_constraint *c = &t->cons[i];

		if (c->kind == CON_UNIQUE && zf_ddlw_same_columns(ix, c->ncols, c->cols))
		{
			const char *key = zf_ddlw_cols_key(w, qname, c->ncols, c->cols);

			if (c->name == NULL && zf_ddl_map_get(&w->uniq_name, key) == NULL)
				zf_ddl_map_put(&w->uniq_name, key, (void *) ix);
			return true;
		}
	}
	for (int i = 0; i < t->pub.ncolumns; i++)
	{
		const ddl_column *col = t->cols[i];

		for (int k = 0; k < col->ncons; k++)
		{
			if (col->cons[k].kind == CON_UNIQUE && zf_ddlw_same_columns(ix, 1, &col->pub.name))
			{
				const char *key = zf_ddlw_cols_key(w, qname, 1, &col->pub.name);

				if (col->cons[k].name == NULL && zf_ddl_map_get(&w->uniq_name, key) == NULL)
					zf_ddl_map_put(&w->uniq_name, key, (void *) ix);
				return true;
			}
		}
	}
	return false;
}
/* Look ahead over the script: the index names that name keys, unique indexes per table, and the objects that have a COMMENT. */
static void
first_pass(ddl_writer *w)
{
	ddl_map		tables;
	ddl_map		alter_pk;

	zf_ddl_map_init(&tables, w->arena);
	zf_ddl_map_init(&alter_pk, w->arena);
	for (int i = 0; i < w->s->nstmts; i++)
	{
		const ddl_stmt *st = &w->s->stmts[i];

		w->stmt = st;
		if (st->kind == ST_CREATE_TABLE)
		{
			const char *qn = zf_ddlw_qname(w, &st->u.table->name);

			zf_ddl_map_put(&tables, qn, (void *) st->u.table);
			zf_ddl_map_put(&w->all_tables, qn, (void *) (intptr_t) st->number);
		}
		else if (st->kind == ST_ALTER_TABLE)
		{
			for (int k = 0; k < st->u.alter->nactions; k++)
			{
				const ddl_alter_action *a = &st->u.alter->actions[k];

				if (a->kind == AL_ADD_CONSTRAINT && a->con->kind == CON_PK)
					zf_ddl_map_put(&alter_pk, zf_ddlw_qname(w, &st->u.alter->table), (void *) a->con);
			}
		}
		else if (st->kind == ST_CREATE_INDEX && st->u.index->unique)
		{
			const ddl_index *ix = st->u.index;
			const char *qn = zf_ddlw_qname(w, &ix->table);
			const ddl_table *t = zf_ddl_map_get(&tables, qn);
			const ddl_constraint *apk = zf_ddl_map_get(&alter_pk, qn);
			int			npk = 0;
			const char **pkcols = NULL;
			const char *pkname = NULL;

			if (t != NULL)
				zf_ddlw_table_pk(t, &npk, &pkcols, &pkname);
			if (npk == 0 && apk != NULL)
			{
				npk = apk->ncols;
				pkcols = apk->cols;
				pkname = apk->name;
			}
			if (npk > 0 && zf_ddlw_same_columns(ix, npk, pkcols))
			{
				if (pkname == NULL && zf_ddl_map_get(&w->pk_index, qn) == NULL)
					zf_ddl_map_put(&w->pk_index, qn, (void *) ix);
			}
			else if (t != NULL && unique_constraint_of(w, t, ix, qn))
				;
			else
			{
				/* a list of the table's other unique indexes */
				wuniq	   *u = zf_arena_alloc(w->arena, sizeof(wuniq));

				if (u == NULL)
				{
					w->oom = true;
					return;
				}
				u->ix = ix;
				u->next = zf_ddl_map_get(&w->uniq_indexes, qn);
				zf_ddl_map_put(&w->uniq_indexes, qn, u);
			}
		}
		else if (st->kind == ST_COMMENT && !st->u.comment->label &&
				 st->u.comment->target != OBJ_OTHER && st->u.comment->target != OBJ_INDEX)
		{
			const ddl_comment *cm = st->u.comment;
			const char *qn = zf_ddlw_qname(w, &cm->name);

			for (int k = 0; k < cm->nitems; k++)
				zf_ddl_map_put(&w->commented, zf_ddlw_comment_key(w, qn, cm->items[k].column), (void *) cm);
		}
	}
	w->stmt = NULL;
	w->nnotes = 0;
}

/* ---------------------------------------------------------------------
 * Entry points
 * ---------------------------------------------------------------------
 */

/* Convert a parsed script (see db2ddl.h). */
zf_status
zf_db2ddl_to_pg(const zf_db2_script *script, const zf_pg_options *opts,
				zf_pg_script **out, zf_error *err)
{
	zf_arena	arena;
	pg_script_priv *priv;
	zf_pg_statement *res;
	ddl_writer	w;
	size_t		budget = (size_t) 32 * 1024 * 1024 + script->len * 64;

	*out = NULL;
	zf_error_clear(err);
	if (opts->schema != NULL && opts->schema[0] == '\0')
		return zf_error_set(err, ZF_E_ARG, "schema must not be empty");
	for (int i = 0; i < opts->schema_map_count; i++)
		if (opts->schema_map_from[i] == NULL || opts->schema_map_to[i] == NULL ||
			opts->schema_map_to[i][0] == '\0')
			return zf_error_set(err, ZF_E_ARG, "schema_map entries must map a creator to a non-empty schema name");

	zf_arena_init(&arena, budget);
	priv = zf_arena_alloc(&arena, sizeof(pg_script_priv));
	res = zf_arena_alloc(&arena, sizeof(zf_pg_statement) * (size_t) (script->nstmts + 1));
	if (priv == NULL || res == NULL)
	{
		zf_arena_free(&arena);
		return zf_error_set(err, ZF_E_NOMEM, "out of memory while converting DDL");
	}
	priv->arena = arena;

	memset(&w, 0, sizeof(w));
	w.s = script;
	w.o = opts;
	w.arena = &priv->arena;
	zf_ddl_buf_init(&w.sql, budget);
	zf_ddl_map_init(&w.objects, w.arena);
	zf_ddl_map_init(&w.indexes, w.arena);
	zf_ddl_map_init(&w.schemas, w.arena);
	zf_ddl_map_init(&w.commented, w.arena);
	zf_ddl_map_init(&w.pk_index, w.arena);
	zf_ddl_map_init(&w.uniq_indexes, w.arena);
	zf_ddl_map_init(&w.aliases, w.arena);
	zf_ddl_map_init(&w.uniq_name, w.arena);
	zf_ddl_map_init(&w.all_tables, w.arena);
	zf_ddl_map_init(&w.pending_fks, w.arena);

	first_pass(&w);
	for (int i = 0; i < script->nstmts && !w.oom; i++)
	{
		const ddl_stmt *st = &script->stmts[i];
		zf_pg_statement *r = &res[i];

		w.stmt = st;
		zf_ddl_buf_reset(&w.sql);
		w.nnotes = 0;
		w.notes_dropped = 0;
		zf_ddlw_statement(&w, st);
		if (w.sql.failed)
			w.oom = true;
		r->number = st->number;
		r->line = st->line;
		r->kind = st->kind_text ? zf_arena_strdup(w.arena, st->kind_text) : "unknown";
		r->object = st->object ? zf_arena_strdup(w.arena, st->object) : NULL;
		r->sql = w.sql.len > 0 ? zf_arena_strndup(w.arena, w.sql.data, w.sql.len) : NULL;
		r->notes = final_notes(&w, st, &r->nnotes);
		if (r->kind == NULL || (st->object && r->object == NULL) ||
			(w.sql.len > 0 && r->sql == NULL))
			w.oom = true;
	}
	zf_ddl_buf_free(&w.sql);
	if (w.oom || priv->arena.failed)
	{
		bool		limit = priv->arena.total + 65536 >= priv->arena.limit;

		arena = priv->arena;
		zf_arena_free(&arena);
		if (limit)
			return zf_error_set(err, ZF_E_LIMIT,
								"DDL conversion needs more memory than its budget of %zu bytes", budget);
		return zf_error_set(err, ZF_E_NOMEM, "out of memory while converting DDL");
	}
	priv->pub.nstatements = script->nstmts;
	priv->pub.statements = res;
	priv->pub.priv = priv;
	*out = &priv->pub;
	return ZF_OK;
}

/* Copy text into a comment line: control characters become blanks. */
static void
comment_text(ddl_buf *b, const char *s)
{
	for (; *s; s++)
		zf_ddl_buf_putc(b, (unsigned char) *s < ' ' ? ' ' : *s);
}

/* The whole conversion as one SQL text (see db2ddl.h). */
const char *
zf_pg_script_text(zf_pg_script *script, bool with_notes, size_t *len)
{
	pg_script_priv *priv = script->priv;
	int			which = with_notes ? 1 : 0;
	ddl_buf		b;

	if (priv->text[which] != NULL)
	{
		if (len)
			*len = priv->textlen[which];
		return priv->text[which];
	}
	zf_ddl_buf_init(&b, priv->arena.limit);
	if (with_notes)
		zf_ddl_buf_printf(&b, "-- PostgreSQL DDL converted from DB2 for z/OS DDL by zfdw (%d statements)\n\n",
					   script->nstatements);
	for (int i = 0; i < script->nstatements; i++)
	{
		const zf_pg_statement *st = &script->statements[i];

		if (with_notes)
		{
			zf_ddl_buf_printf(&b, "-- line %d: ", st->line);
			comment_text(&b, st->kind);
			if (st->object)
			{
				zf_ddl_buf_putc(&b, ' ');
				comment_text(&b, st->object);
			}
			zf_ddl_buf_putc(&b, '\n');
			for (int k = 0; k < st->nnotes; k++)
			{
				zf_ddl_buf_puts(&b, "--   ");
				comment_text(&b, st->notes[k]);
				zf_ddl_buf_putc(&b, '\n');
			}
		}
		if (st->sql)
			zf_ddl_buf_puts(&b, st->sql);
		if (with_notes || st->sql)
			zf_ddl_buf_putc(&b, '\n');
	}
	if (b.failed)
	{
		zf_ddl_buf_free(&b);
		return NULL;
	}
	priv->text[which] = zf_arena_strndup(&priv->arena, b.data ? b.data : "", b.len);
	priv->textlen[which] = b.len;
	zf_ddl_buf_free(&b);
	if (len)
		*len = priv->textlen[which];
	return priv->text[which];
}

/* Release a conversion result. */
void
zf_pg_script_free(zf_pg_script *script)
{
	pg_script_priv *priv;
	zf_arena	arena;

	if (script == NULL)
		return;
	priv = script->priv;
	arena = priv->arena;
	zf_arena_free(&arena);
}
