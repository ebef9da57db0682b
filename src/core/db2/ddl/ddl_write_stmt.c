/*-------------------------------------------------------------------------
 *
 * ddl_write_stmt.c
 *	  The PostgreSQL writer for DB2 statements other than CREATE TABLE:
 *	  indexes, views, aliases, sequences, distinct types, ALTER TABLE,
 *	  COMMENT/LABEL ON, DROP, RENAME, and the notes for statements that
 *	  have no PostgreSQL counterpart.
 *
 *-------------------------------------------------------------------------
 */
#include "db2/ddl/ddl_write.h"

#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Statements other than CREATE TABLE
 * ---------------------------------------------------------------------
 */

/* Notes for an index's dropped clauses. */
static void
index_clause_notes(ddl_writer *w, const ddl_index *ix)
{
	ddl_buf		plain;

	ddl_buf_init(&plain, 1 << 20);
	if (ix->type_text)
		ddl_buf_puts(&plain, ix->type_text);
	for (int i = 0; i < ix->clauses.n; i++)
	{
		const ddl_clause *c = &ix->clauses.items[i];

		if (c->unknown)
			w_note(w, "unknown clause skipped: %s", c->text);
		else if (c->advice)
			w_note(w, "%s dropped: %s", c->text, c->advice);
		else
		{
			if (plain.len > 0)
				ddl_buf_puts(&plain, ", ");
			ddl_buf_puts(&plain, c->text);
		}
	}
	if (ix->partitioned)
	{
		if (plain.len > 0)
			ddl_buf_puts(&plain, ", ");
		ddl_buf_puts(&plain, "PARTITIONED");
	}
	if (plain.len > 0)
		w_note(w, "DB2 index storage clauses dropped (no PostgreSQL counterpart): %s", plain.data);
	if (ix->index_parts.end > ix->index_parts.first)
	{
		ddl_buf		text;

		ddl_buf_init(&text, 1 << 20);
		w_range_source(w, &text, ix->index_parts.first, ix->index_parts.end);
		w_note(w, "index-controlled partitioning dropped (the PostgreSQL table is not partitioned): %.300s%s",
			   text.data ? text.data : "", text.len > 300 ? "..." : "");
		ddl_buf_free(&text);
	}
	ddl_buf_free(&plain);
}

/* Are the index keys exactly these columns, in this order? */
bool
w_same_columns(const ddl_index *ix, int n, const char *const *cols)
{
	if (ix->nkeys != n || ix->ninclude > 0 || ix->exclude_null_keys)
		return false;
	for (int i = 0; i < n; i++)
		if (ix->keys[i].col == NULL || strcmp(ix->keys[i].col, cols[i]) != 0)
			return false;
	return true;
}

/* CREATE INDEX: skipped when a key already provides it, else written with DB2's NULL semantics. */
static void
write_index(ddl_writer *w, const ddl_index *ix)
{
	const char *table_qn = w_table_qname(w, &ix->table);
	wobj	   *to = w_obj(w, table_qn);
	const char *tschema = w_schema_for(w, ix->table.qual);
	const char *ixname = w_ident(w, ix->name.name);
	const char *ix_qn;
	const char *key = w_db2_key(w, &ix->name);
	ddl_buf		stmt;
	bool		nullable = false;

	if (ix->name.qual != NULL)
	{
		const char *ischema = w_schema_for(w, ix->name.qual);

		if (ischema != NULL && (tschema == NULL || strcmp(ischema, tschema) != 0))
			w_note(w, "index qualifier %s dropped: PostgreSQL keeps an index in its table's schema",
				   ix->name.qual);
	}
	if (ix->aux)
	{
		w_note(w, "index on an auxiliary (LOB) table dropped: PostgreSQL needs none");
		return;
	}
	{
		bool		xml = ix->xml_pattern;

		for (int i = 0; i < ix->nkeys && !xml; i++)
		{
			const ddl_column *c = ix->keys[i].col ? w_find_column(w, to, ix->keys[i].col) : NULL;

			xml = c != NULL && c->pub.type == ZF_DB2_XML;
		}
		if (xml)
		{
			w_note(w, "XML index dropped: PostgreSQL has no B-tree index on xml; index an expression such as (xpath(...)) by hand if needed");
			return;
		}
	}

	/* the index DB2 needed to enforce the primary key or a unique constraint */
	if (ix->unique && to != NULL && to->npk > 0 && w_same_columns(ix, to->npk, to->pk_cols))
	{
		w_note(w, "skipped: the primary key %s%sof %s already provides this unique index",
			   to->pk_name ? to->pk_name : "", to->pk_name ? " " : "", table_qn);
		if (to->pk_name)
			ddl_map_put(&w->indexes, key, (void *) w_qname_in(w, tschema, to->pk_name));
		if (ix->cluster)
			w_note(w, "CLUSTER: to order the table the same way, run CLUSTER %s USING %s after loading",
				   table_qn, to->pk_name ? to->pk_name : "<its primary key index>");
		index_clause_notes(w, ix);
		return;
	}
	for (int i = 0; ix->unique && to != NULL && i < to->nuniq; i++)
	{
		if (w_same_columns(ix, to->uniq[i]->ncols, to->uniq[i]->cols))
		{
			w_note(w, "skipped: a unique constraint of %s already provides this unique index", table_qn);
			if (ix->cluster)
				w_note(w, "CLUSTER: to order the table the same way, run CLUSTER %s USING %s after loading",
					   table_qn, to->uniq[i]->name ? w_ident(w, to->uniq[i]->name) : w_ident(w, ix->name.name));
			index_clause_notes(w, ix);
			return;
		}
	}

	/* PostgreSQL indexes share the namespace of tables */
	ix_qn = w_qname_in(w, tschema, ixname);
	if (w_obj(w, ix_qn) != NULL)
	{
		char		alt[DDL_MAX_NAME + 16];

		for (int n = 1; n < 100; n++)
		{
			snprintf(alt, sizeof(alt), n == 1 ? "%s_IDX" : "%s_IDX%d", ix->name.name, n);
			ixname = w_ident(w, alt);
			ix_qn = w_qname_in(w, tschema, ixname);
			if (w_obj(w, ix_qn) == NULL)
				break;
		}
		w_note(w, "index renamed %s: its DB2 name is taken by another relation in the schema", ixname);
	}
	if (!ddl_map_put(&w->indexes, key, (void *) ix_qn))
		w->oom = true;

	ddl_buf_init(&stmt, 1 << 28);
	ddl_buf_printf(&stmt, "CREATE %sINDEX %s ON %s (", ix->unique ? "UNIQUE " : "", ixname, table_qn);
	for (int i = 0; i < ix->nkeys; i++)
	{
		const ddl_index_key *k = &ix->keys[i];

		if (i > 0)
			ddl_buf_puts(&stmt, ", ");
		if (k->col != NULL)
		{
			const ddl_column *c = w_find_column(w, to, k->col);

			ddl_buf_puts(&stmt, w_ident(w, k->col));
			if (c == NULL || !c->pub.not_null)
				nullable = true;
		}
		else
		{
			ddl_buf_putc(&stmt, '(');
			w_expr(w, &stmt, k->expr.first, k->expr.end, NULL, false);
			ddl_buf_putc(&stmt, ')');
			nullable = true;
		}
		if (k->desc)
			ddl_buf_puts(&stmt, " DESC");
		if (k->random)
			w_note(w, "RANDOM key order of %s dropped: the index is ascending", k->col ? k->col : "an expression");
	}
	ddl_buf_putc(&stmt, ')');
	if (ix->ninclude > 0)
	{
		ddl_buf_puts(&stmt, " INCLUDE (");
		for (int i = 0; i < ix->ninclude; i++)
			ddl_buf_printf(&stmt, "%s%s", i ? ", " : "", w_ident(w, ix->include[i]));
		ddl_buf_putc(&stmt, ')');
	}
	if (ix->unique && !ix->where_not_null && nullable)
	{
		if (w->o->unique_nulls_not_distinct)
		{
			ddl_buf_puts(&stmt, " NULLS NOT DISTINCT");
			w_note(w, "UNIQUE index written with NULLS NOT DISTINCT: DB2 treats NULLs as equal in a unique index");
		}
		else
			w_note(w, "UNIQUE index: PostgreSQL lets several rows have NULL in the key, DB2 allows only one (option unique_nulls_not_distinct is off)");
	}
	if (ix->where_not_null)
		w_note(w, "UNIQUE WHERE NOT NULL written as a plain unique index: PostgreSQL does not compare keys that contain NULL, which is DB2's WHERE NOT NULL");
	if (ix->exclude_null_keys && ix->nkeys > 0)
	{
		ddl_buf_puts(&stmt, " WHERE ");
		for (int i = 0; i < ix->nkeys; i++)
		{
			if (i > 0)
				ddl_buf_puts(&stmt, " OR ");
			if (ix->keys[i].col != NULL)
				ddl_buf_puts(&stmt, w_ident(w, ix->keys[i].col));
			else
			{
				ddl_buf_putc(&stmt, '(');
				w_expr(w, &stmt, ix->keys[i].expr.first, ix->keys[i].expr.end, NULL, false);
				ddl_buf_putc(&stmt, ')');
			}
			ddl_buf_puts(&stmt, " IS NOT NULL");
		}
		w_note(w, "EXCLUDE NULL KEYS written as a partial index on rows whose key is not entirely NULL");
	}
	ddl_buf_puts(&stmt, ";\n");
	if (ix->without_overlaps)
		w_note(w, "BUSINESS_TIME WITHOUT OVERLAPS dropped");
	if (ix->cluster)
		w_note(w, "CLUSTER: to order the table by this index, run CLUSTER %s USING %s after loading",
			   table_qn, ixname);
	index_clause_notes(w, ix);

	if (to != NULL && to->kind == 'g')
	{
		wrefs		missing;

		memset(&missing, 0, sizeof(missing));
		w_refs_add(w, &missing, table_qn);
		w_guarded(w, &w->sql, &missing, stmt.data ? stmt.data : "", ix_qn);
	}
	else
		ddl_buf_puts(&w->sql, stmt.data ? stmt.data : "");
	if (stmt.failed)
		w->oom = true;
	ddl_buf_free(&stmt);
	w_add_obj(w, ix_qn, 'i');
	if (ix->unique && to != NULL)
	{
		windex	   *wi = ddl_push(w->arena, (void **) &to->indexes, &to->nindexes,
								  &to->capindexes, sizeof(windex));

		if (wi == NULL)
			return;
		wi->ix = ix;
		wi->name = ixname;
		wi->usable = !ix->where_not_null && !ix->exclude_null_keys && !nullable;
		for (int i = 0; i < ix->nkeys; i++)
			if (ix->keys[i].desc || ix->keys[i].col == NULL)
				wi->usable = false;
	}
}

/* CREATE VIEW, guarded when it reads relations the script has not created. */
static void
write_view(ddl_writer *w, const ddl_view *v)
{
	const char *qn = w_qname(w, &v->name);
	ddl_buf		stmt;
	wrefs		refs;
	char		kind;

	memset(&refs, 0, sizeof(refs));
	w_create_schema(w, w_schema_for(w, v->name.qual));
	ddl_buf_init(&stmt, 1 << 28);
	ddl_buf_printf(&stmt, "CREATE VIEW %s", qn);
	if (v->ncols > 0)
	{
		ddl_buf_puts(&stmt, " (");
		for (int i = 0; i < v->ncols; i++)
			ddl_buf_printf(&stmt, "%s%s", i ? ", " : "", w_ident(w, v->cols[i]));
		ddl_buf_putc(&stmt, ')');
	}
	ddl_buf_puts(&stmt, " AS\n");
	w_expr(w, &stmt, v->body.first, v->body.end, &refs, true);
	if (v->check_option)
		ddl_buf_printf(&stmt, "\nWITH %s CHECK OPTION", v->check_option);
	ddl_buf_puts(&stmt, ";\n");
	if (stmt.failed)
		w->oom = true;
	kind = w_emit_with_refs(w, &refs, stmt.data ? stmt.data : "", qn, 'v');
	if (kind)
		w_add_obj(w, qn, kind);
	ddl_buf_free(&stmt);
}

/* CREATE ALIAS / SYNONYM as a view over its table. */
static void
write_alias(ddl_writer *w, const ddl_alias *a)
{
	const char *qn;
	const char *target;
	ddl_buf		stmt;
	wrefs		refs;
	char		kind;

	if (a->target.loc != NULL)
	{
		w_note(w, "alias for the remote table %s.%s.%s dropped: use postgres_fdw or another foreign-data wrapper for remote tables",
			   a->target.loc, a->target.qual ? a->target.qual : "", a->target.name);
		return;
	}
	if (a->sequence)
	{
		w_note(w, "alias for a sequence dropped: PostgreSQL has no sequence aliases; use the sequence's name");
		return;
	}
	qn = w_qname(w, &a->name);
	target = w_qname(w, &a->target);
	memset(&refs, 0, sizeof(refs));
	w_refs_add(w, &refs, target);
	w_create_schema(w, w_schema_for(w, a->name.qual));
	ddl_buf_init(&stmt, 1 << 20);
	ddl_buf_printf(&stmt, "CREATE VIEW %s AS SELECT * FROM %s;\n", qn, target);
	w_note(w, "%s written as a view over %s (PostgreSQL has no aliases; a simple view can be queried and updated the same way)",
		   a->synonym ? "synonym" : "alias", target);
	kind = w_emit_with_refs(w, &refs, stmt.data ? stmt.data : "", qn, 'v');
	if (kind)
		w_add_obj(w, qn, kind);
	if (!ddl_map_put(&w->aliases, qn, (void *) target))
		w->oom = true;
	ddl_buf_free(&stmt);
}

/* CREATE SEQUENCE, AS integer unless DB2 said otherwise. */
static void
write_sequence(ddl_writer *w, const ddl_sequence *sq)
{
	const char *qn = w_qname(w, &sq->name);
	ddl_buf		opts;

	w_create_schema(w, w_schema_for(w, sq->name.qual));
	ddl_buf_printf(&w->sql, "CREATE SEQUENCE %s AS ", qn);
	if (sq->has_type)
	{
		ddl_column	c = sq->as_type;

		c.pub.name = sq->name.name;
		w_type(w, &w->sql, &c, true);
	}
	else
	{
		ddl_buf_puts(&w->sql, "integer");
		w_note(w, "a DB2 sequence is AS INTEGER unless it says otherwise: written AS integer");
	}
	ddl_buf_init(&opts, 4096);
	w_seq_options(w, &opts, &sq->seq, sq->name.name);
	if (opts.len > 0)
		ddl_buf_printf(&w->sql, " %s", opts.data);
	ddl_buf_free(&opts);
	ddl_buf_puts(&w->sql, ";\n");
	for (int i = 0; i < sq->clauses.n; i++)
		w_note(w, "unknown clause skipped: %s", sq->clauses.items[i].text);
	w_add_obj(w, qn, 's');
}

/* CREATE [DISTINCT] TYPE as a domain. */
static void
write_dtype(ddl_writer *w, const ddl_dtype *dt)
{
	const char *qn = w_qname(w, &dt->name);
	ddl_column	base = dt->base;

	base.pub.name = dt->name.name;
	w_create_schema(w, w_schema_for(w, dt->name.qual));
	ddl_buf_printf(&w->sql, "CREATE DOMAIN %s AS ", qn);
	w_type(w, &w->sql, &base, false);
	ddl_buf_puts(&w->sql, ";\n");
	w_note(w, "distinct type written as a domain (values of the domain and its base type compare without casts)");
	for (int i = 0; i < dt->clauses.n; i++)
		w_note(w, "unknown clause skipped: %s", dt->clauses.items[i].text);
	w_add_obj(w, qn, 'd');
}

/* PostgreSQL's name for an unnamed primary key: <table>_pkey. */
static const char *
default_pk_name(ddl_writer *w, const char *db2table)
{
	char		buf[DDL_MAX_NAME + 8];
	size_t		n = strlen(db2table);

	if (n > 58)
	{
		n = 58;
		while (n > 0 && ((unsigned char) db2table[n] & 0xC0) == 0x80)
			n--;
	}
	snprintf(buf, sizeof(buf), "%.*s_PKEY", (int) n, db2table);
	return w_ident(w, buf);
}

/* ALTER TABLE: one PostgreSQL ALTER TABLE per action that has a counterpart. */
static void
write_alter(ddl_writer *w, const ddl_alter *al)
{
	const char *qn = w_table_qname(w, &al->table);
	wobj	   *to = w_obj(w, qn);
	ddl_buf		deferred;

	ddl_buf_init(&deferred, 1 << 28);
	for (int i = 0; i < al->nactions; i++)
	{
		const ddl_alter_action *a = &al->actions[i];
		const ddl_column *col;

		switch (a->kind)
		{
			case AL_ADD_COLUMN:
				ddl_buf_printf(&w->sql, "ALTER TABLE %s ADD COLUMN ", qn);
				w_column_def(w, &w->sql, a->column, qn, NULL, &deferred);
				ddl_buf_puts(&w->sql, ";\n");
				if (to != NULL)
				{
					const ddl_column **slot = ddl_push(w->arena, (void **) &to->extra, &to->nextra,
													   &to->capextra, sizeof(ddl_column *));

					if (slot != NULL)
						*slot = a->column;
				}
				break;
			case AL_ADD_CONSTRAINT:
				{
					ddl_buf		con;
					const char *pkname = NULL;

					if (a->con->kind == CON_PK && a->con->name == NULL)
					{
						const ddl_index *ix = ddl_map_get(&w->pk_index, qn);

						if (ix != NULL && (pkname = w_index_name_free(w, qn, ix->name.name)) != NULL)
							w_note(w, "primary key constraint named %s after DB2's unique index %s, which enforced it",
								   pkname, ix->name.name);
					}
					if (a->con->kind == CON_PK && to != NULL)
					{
						to->npk = a->con->ncols;
						to->pk_cols = a->con->cols;
						to->pk_name = a->con->name ? w_ident(w, a->con->name) : pkname;
					}
					/* a key DB2 built on a unique index created above: use it */
					if ((a->con->kind == CON_PK || a->con->kind == CON_UNIQUE) &&
						a->con->name == NULL && to != NULL)
					{
						const windex *use = NULL;

						for (int k = 0; k < to->nindexes && use == NULL; k++)
							if (w_same_columns(to->indexes[k].ix, a->con->ncols, a->con->cols))
								use = &to->indexes[k];
						if (use != NULL && use->usable)
						{
							ddl_buf_printf(&w->sql, "ALTER TABLE %s ADD CONSTRAINT %s %s USING INDEX %s;\n",
										   qn, use->name,
										   a->con->kind == CON_PK ? "PRIMARY KEY" : "UNIQUE", use->name);
							w_note(w, "the key uses the unique index %s created above, as in DB2", use->name);
							if (a->con->kind == CON_PK)
								to->pk_name = use->name;
							break;
						}
						if (use != NULL)
							w_note(w, "the unique index %s created above has descending or nullable keys, so PostgreSQL builds a second index for the key: drop %s if it is no longer needed",
								   use->name, use->name);
					}
					ddl_buf_init(&con, 1 << 24);
					w_constraint(w, &con, a->con, qn, pkname, false, &deferred);
					if (con.len > 0)
						ddl_buf_printf(&w->sql, "ALTER TABLE %s ADD%s;\n", qn, con.data);
					ddl_buf_free(&con);
					break;
				}
			case AL_SET_TYPE:
				if (to != NULL && to->has_views)
					w_note(w, "a view created earlier reads %s: PostgreSQL cannot change the type of a column a view uses, so drop and recreate the view around this statement",
						   qn);
				ddl_buf_printf(&w->sql, "ALTER TABLE %s ALTER COLUMN %s TYPE ", qn, w_ident(w, a->colname));
				w_type(w, &w->sql, a->column, false);
				ddl_buf_puts(&w->sql, ";\n");
				break;
			case AL_SET_DEFAULT:
				{
					ddl_buf		v;

					ddl_buf_init(&v, 1 << 20);
					col = w_find_column(w, to, a->colname);
					if (col != NULL)
						w_default_value(w, &v, col, a->dflt.first, a->dflt.end);
					else
						w_expr(w, &v, a->dflt.first, a->dflt.end, NULL, false);
					if (v.len > 0)
						ddl_buf_printf(&w->sql, "ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s;\n",
									   qn, w_ident(w, a->colname), v.data);
					ddl_buf_free(&v);
					break;
				}
			case AL_DROP_DEFAULT:
				ddl_buf_printf(&w->sql, "ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT;\n",
							   qn, w_ident(w, a->colname));
				break;
			case AL_DROP_COLUMN:
				ddl_buf_printf(&w->sql, "ALTER TABLE %s DROP COLUMN %s;\n", qn, w_ident(w, a->colname));
				break;
			case AL_DROP_CONSTRAINT:
				ddl_buf_printf(&w->sql, "ALTER TABLE %s DROP CONSTRAINT %s;\n", qn, w_ident(w, a->conname));
				break;
			case AL_DROP_PK:
				{
					const char *pk = to && to->pk_name ? to->pk_name :
						default_pk_name(w, al->table.name);

					ddl_buf_printf(&w->sql, "ALTER TABLE %s DROP CONSTRAINT %s;\n", qn, pk);
					if (!(to && to->pk_name))
						w_note(w, "DROP PRIMARY KEY written with PostgreSQL's default constraint name %s", pk);
					if (to != NULL)
					{
						to->npk = 0;
						to->pk_name = NULL;
					}
					break;
				}
			case AL_DROPPED:
				if (a->clause.unknown)
					w_note(w, "unknown clause skipped: %s", a->clause.text);
				else if (a->clause.advice)
					w_note(w, "%s dropped: %s", a->clause.text, a->clause.advice);
				else
					w_note(w, "%s dropped: no PostgreSQL counterpart", a->clause.text);
				break;
		}
	}
	if (deferred.len > 0)
		ddl_buf_puts(&w->sql, deferred.data);
	if (deferred.failed)
		w->oom = true;
	ddl_buf_free(&deferred);
}

/* The key of an object for the COMMENT-wins-over-LABEL rule. */
const char *
w_comment_key(ddl_writer *w, const char *qname, const char *column)
{
	size_t		n = strlen(qname) + (column ? strlen(column) : 0) + 3;
	char	   *k = ddl_alloc(w->arena, n);

	if (k == NULL)
	{
		w->oom = true;
		return "";
	}
	snprintf(k, n, "%s\001%s", qname, column ? column : "");
	return k;
}

/* COMMENT ON and LABEL ON as COMMENT ON (a COMMENT wins over a LABEL). */
static void
write_comment(ddl_writer *w, const ddl_comment *cm)
{
	const char *qn;
	const char *what = "TABLE";
	int			skipped = 0;

	if (cm->target == OBJ_OTHER)
	{
		w_note(w, "%s on %s %s dropped: PostgreSQL has no such object", cm->label ? "LABEL" : "COMMENT",
			   cm->target_word ? cm->target_word : "object",
			   cm->name.name ? cm->name.name : "");
		return;
	}
	if (cm->target == OBJ_INDEX)
	{
		const char *ix = ddl_map_get(&w->indexes, w_db2_key(w, &cm->name));

		qn = ix ? ix : w_qname(w, &cm->name);
		what = "INDEX";
	}
	else
	{
		wobj	   *o;

		qn = cm->target == OBJ_ALIAS ? w_qname(w, &cm->name) : w_table_qname(w, &cm->name);
		o = w_obj(w, qn);
		if (cm->target == OBJ_SEQUENCE)
			what = "SEQUENCE";
		else if (cm->target == OBJ_TYPE)
			what = "DOMAIN";
		else if (cm->target == OBJ_ALIAS || (o && o->kind == 'v'))
			what = "VIEW";
		else if (o && o->kind == 'm')
			what = "MATERIALIZED VIEW";
	}
	for (int i = 0; i < cm->nitems; i++)
	{
		const ddl_comment_item *it = &cm->items[i];

		if (cm->label && ddl_map_get(&w->commented, w_comment_key(w, qn, it->column)))
		{
			skipped++;
			continue;
		}
		if (it->column)
			ddl_buf_printf(&w->sql, "COMMENT ON COLUMN %s.%s IS ", qn, w_ident(w, it->column));
		else
			ddl_buf_printf(&w->sql, "COMMENT ON %s %s IS ", what, qn);
		w_literal(&w->sql, it->text);
		ddl_buf_puts(&w->sql, ";\n");
	}
	if (cm->label && skipped < cm->nitems)
		w_note(w, "LABEL written as a COMMENT (PostgreSQL has one description per object)");
	if (skipped > 0)
		w_note(w, "%d label%s dropped: the script also has a COMMENT for the same object, which wins",
			   skipped, skipped > 1 ? "s" : "");
}

/* DROP ... IF EXISTS, so that the script runs on an empty database. */
static void
write_drop(ddl_writer *w, const ddl_drop *d)
{
	const char *qn;

	if (d->target == OBJ_INDEX)
	{
		const char *ix = ddl_map_get(&w->indexes, w_db2_key(w, &d->name));

		qn = ix ? ix : w_qname(w, &d->name);
		ddl_buf_printf(&w->sql, "DROP INDEX IF EXISTS %s;\n", qn);
		ddl_map_put(&w->objects, qn, NULL);
		return;
	}
	qn = w_qname(w, &d->name);
	ddl_map_put(&w->aliases, qn, NULL);
	switch (d->target)
	{
		case OBJ_TABLE:
			ddl_buf_printf(&w->sql, "DROP TABLE IF EXISTS %s CASCADE;\n", qn);
			w_note(w, "IF EXISTS added so that the script runs on an empty database; CASCADE drops dependent views and foreign keys, as DB2 does");
			break;
		case OBJ_VIEW:
		case OBJ_ALIAS:
		case OBJ_SYNONYM:
			ddl_buf_printf(&w->sql, "DROP VIEW IF EXISTS %s CASCADE;\n", qn);
			w_note(w, "IF EXISTS added so that the script runs on an empty database");
			break;
		case OBJ_SEQUENCE:
			ddl_buf_printf(&w->sql, "DROP SEQUENCE IF EXISTS %s;\n", qn);
			break;
		case OBJ_TYPE:
			ddl_buf_printf(&w->sql, "DROP DOMAIN IF EXISTS %s;\n", qn);
			break;
		default:
			break;
	}
	ddl_map_put(&w->objects, qn, NULL);
}

/* RENAME as ALTER TABLE / ALTER INDEX ... RENAME TO. */
static void
write_rename(ddl_writer *w, const ddl_rename *r)
{
	if (r->target == OBJ_INDEX)
	{
		const char *ix = ddl_map_get(&w->indexes, w_db2_key(w, &r->from));

		ddl_buf_printf(&w->sql, "ALTER INDEX %s RENAME TO %s;\n",
					   ix ? ix : w_qname(w, &r->from), w_ident(w, r->to));
		return;
	}
	ddl_buf_printf(&w->sql, "ALTER TABLE %s RENAME TO %s;\n", w_qname(w, &r->from),
				   w_ident(w, r->to));
}

/* One statement into w->sql and w->notes. */
void
w_statement(ddl_writer *w, const ddl_stmt *st)
{
	switch (st->kind)
	{
		case ST_CREATE_TABLE:
			w_create_table(w, st->u.table);
			break;
		case ST_CREATE_INDEX:
			write_index(w, st->u.index);
			break;
		case ST_CREATE_VIEW:
			write_view(w, st->u.view);
			break;
		case ST_CREATE_ALIAS:
			write_alias(w, st->u.alias);
			break;
		case ST_CREATE_SEQUENCE:
			write_sequence(w, st->u.sequence);
			break;
		case ST_CREATE_TYPE:
			write_dtype(w, st->u.dtype);
			break;
		case ST_ALTER_TABLE:
			write_alter(w, st->u.alter);
			break;
		case ST_COMMENT:
			write_comment(w, st->u.comment);
			break;
		case ST_DROP:
			write_drop(w, st->u.drop);
			break;
		case ST_RENAME:
			write_rename(w, st->u.rename);
			break;
		case ST_SET_SCHEMA:
			{
				const char *schema = st->u.schema ? w_schema_for(w, st->u.schema) :
					(w->o->schema ? w_pg_ident(w, w->o->schema) : NULL);

				if (schema)
					w_note(w, "the statements that follow create unqualified objects in schema %s", schema);
				else
					w_note(w, "the statements that follow create unqualified objects in the first schema of the search_path");
				break;
			}
		case ST_DROPPED:
			w_note(w, "%s dropped: %s", st->kind_text, st->reason);
			break;
		case ST_UNKNOWN:
			w_note(w, "%s", st->reason);
			break;
		case ST_ERROR:
			w_note(w, "not converted: %s", st->reason);
			break;
	}
}

