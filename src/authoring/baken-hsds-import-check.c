/* baken-hsds-import-check.c: check an HSDS package against the official schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the resources import reads: required fields, the types of the fields it reads, and
 * references. A record that lacks what it needs is left out (an error), a wrong optional
 * value is dropped (a warning); with --strict both stop the import. Also says which
 * resources and fields it does not keep.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-check.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "baken-content-source.h"
#include "baken-hsds-notes.h"
#include "baken-hsds-schema.h"
#include "baken-hsds-time.h"

/* The HSDS fields import reads, per resource; any other field is reported as not kept. */
typedef struct
{
  const char        *resource;
  const char *const  fields[20];
} Mapped;

static const Mapped mapped[] = {
  { "organization", { "id", "name", "alternate_name", "description", "email", "website", NULL } },
  { "service", { "id", "organization_id", "name", "alternate_name", "description", "url",
                 "email", "status", "application_process", "fees_description",
                 "eligibility_description", "assured_date", "alert", "fees", "wait_time",
                 "minimum_age", "maximum_age", NULL } },
  { "location", { "id", "location_type", "organization_id", "name", "description",
                  "transportation", "latitude", "longitude", NULL } },
  { "address", { "id", "location_id", "address_1", "address_2", "city", "state_province",
                 "postal_code", "country", "address_type", NULL } },
  { "service_at_location", { "id", "service_id", "location_id", "description", NULL } },
  { "phone", { "id", "service_id", "location_id", "service_at_location_id", "number", "type",
               "description", NULL } },
  { "schedule", { "id", "service_id", "location_id", "service_at_location_id", "valid_from",
                  "valid_to", "dtstart", "until", "count", "freq", "interval", "byday",
                  "byweekno", "bymonthday", "byyearday", "description", "opens_at",
                  "closes_at", NULL } },
  { "required_document", { "id", "service_id", "document", NULL } },
  { "language", { "id", "service_id", "name", "code", "note", NULL } },
  { "accessibility", { "id", "location_id", "description", "details", NULL } },
  /* The terms of services, for the menu (taxonomy_menu.csv). */
  { "taxonomy_term", { "id", "code", "name", "parent_id", NULL } },
  { "attribute", { "id", "link_id", "link_entity", "taxonomy_term_id", NULL } },
};

static const Mapped *
find_mapped (const char *resource)
{
  for (guint i = 0; i < G_N_ELEMENTS (mapped); i++)
    if (strcmp (mapped[i].resource, resource) == 0)
      return &mapped[i];

  return NULL;
}

static gboolean
is_mapped_field (const Mapped *m,
                 const char   *field)
{
  for (guint i = 0; m->fields[i] != NULL; i++)
    if (strcmp (m->fields[i], field) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
is_number (const char *text)
{
  char *end = NULL;

  errno = 0;
  g_ascii_strtod (text, &end);
  return errno == 0 && end != text && *end == '\0';
}

static gboolean
is_date (const char *text)
{
  guint year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) atoi (text);
  month = (guint) atoi (text + 5);
  day = (guint) atoi (text + 8);
  return g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

static gboolean
in_enum (const char *text,
         JsonArray  *values,
         GString    *allowed)
{
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      const char *v = json_array_get_string_element (values, i);

      if (strcmp (v, text) == 0)
        return TRUE;
      g_string_append_printf (allowed, "%s%s", i > 0 ? ", " : "", v);
    }

  return FALSE;
}

/* What is wrong with text as a value of type (or with values), or NULL. */
static char *
type_problem (const char *name,
              const char *type,
              JsonArray  *values,
              const char *text)
{
  g_autoptr(GString) allowed = g_string_new (NULL);
  int minutes;
  gboolean exact;

  if (strcmp (type, "number") == 0 && !is_number (text))
    return g_strdup_printf ("%s \"%s\" is not a number", name, text);
  if (strcmp (type, "date") == 0 && !is_date (text))
    return g_strdup_printf ("%s \"%s\" is not a date (YYYY-MM-DD)", name, text);
  if (strcmp (type, "time") == 0 && !baken_hsds_parse_hsds_time (text, &minutes, &exact))
    return g_strdup_printf ("%s \"%s\" is not a time (HH:MM:SS)", name, text);
  if (values != NULL && !in_enum (text, values, allowed))
    return g_strdup_printf ("%s \"%s\" is not one of the values HSDS allows: %s", name, text,
                            allowed->str);

  return NULL;
}

/* A place on the map needs both numbers, each within its range. */
static void
check_position (Import *imp,
                HTable *t,
                HRow   *row)
{
  static const struct { const char *name; double limit; } axes[] = {
    { "latitude", 90.0 }, { "longitude", 180.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (axes); i++)
    {
      const char *text = baken_hsds_hget (t, row, axes[i].name);
      double number;

      if (text == NULL)
        continue;
      number = g_ascii_strtod (text, NULL);
      if (number < -axes[i].limit || number > axes[i].limit)
        baken_hsds_import_drop_values (imp, t, row, axes[i].name, axes[1 - i].name,
                                       "%s %s is not between %g and %g", axes[i].name, text,
                                       -axes[i].limit, axes[i].limit);
    }
}

/* Required fields and the types of the fields import reads: a record without a required
 * value, or with a required value of the wrong type, is left out; a wrong optional value
 * is dropped. */
void
baken_hsds_check_table (Import *imp,
                        HTable *t)
{
  const Mapped *m = find_mapped (t->resource);
  JsonArray *fields = baken_hsds_official_fields (t->official);

  for (guint f = 0; f < json_array_get_length (fields); f++)
    {
      JsonObject *field = json_array_get_object_element (fields, f);
      const char *name = json_object_get_string_member (field, "name");
      const char *type = json_object_get_string_member_with_default (field, "type", "string");
      JsonObject *constraints = json_object_has_member (field, "constraints")
                                ? json_object_get_object_member (field, "constraints") : NULL;
      gboolean required = constraints != NULL &&
                          json_object_get_boolean_member_with_default (constraints, "required", FALSE);
      JsonArray *values = constraints != NULL && json_object_has_member (constraints, "enum")
                          ? json_object_get_array_member (constraints, "enum") : NULL;

      if (required && baken_hsds_hcolumn (t, name) < 0 && t->rows->len > 0)
        {
          guint n = 0;

          for (guint r = 0; r < t->rows->len; r++)
            {
              HRow *row = g_ptr_array_index (t->rows, r);

              n += row->rejected ? 0 : 1;
              row->rejected = TRUE;
            }
          if (n > 0)
            baken_hsds_import_record_error (imp, t->file, 1, t->header->len + 1,
                                            "column %s is missing; HSDS requires it in %s, so "
                                            "none of its %u %s can be read", name, t->file, n,
                                            n == 1 ? "row" : "rows");
          continue;
        }
      if (baken_hsds_hcolumn (t, name) < 0)
        continue;

      for (guint r = 0; r < t->rows->len; r++)
        {
          HRow *row = g_ptr_array_index (t->rows, r);
          const char *text = baken_hsds_hget (t, row, name);
          g_autofree char *problem = NULL;

          if (text == NULL)
            {
              if (required)
                baken_hsds_import_reject (imp, t, row, name, "%s is empty; HSDS requires it",
                                          name);
              continue;
            }
          if (!is_mapped_field (m, name) ||
              (problem = type_problem (name, type, values, text)) == NULL)
            continue;
          if (required)
            baken_hsds_import_reject (imp, t, row, name, "%s", problem);
          else
            baken_hsds_import_drop_value (imp, t, row, name, "%s", problem);
        }
    }

  if (strcmp (t->resource, "location") == 0)
    for (guint r = 0; r < t->rows->len; r++)
      check_position (imp, t, g_ptr_array_index (t->rows, r));
}

/* Whether Baken cannot keep a record of resource without field: HSDS or Baken's own
 * format requires it. */
static gboolean
is_needed (HTable     *t,
           const char *field)
{
  JsonArray *fields = baken_hsds_official_fields (t->official);

  for (guint f = 0; f < json_array_get_length (fields); f++)
    {
      JsonObject *definition = json_array_get_object_element (fields, f);
      JsonObject *constraints = json_object_has_member (definition, "constraints")
                                ? json_object_get_object_member (definition, "constraints")
                                : NULL;

      if (strcmp (json_object_get_string_member (definition, "name"), field) == 0 &&
          constraints != NULL &&
          json_object_get_boolean_member_with_default (constraints, "required", FALSE))
        return TRUE;
    }

  for (guint table = 0; table < BAKEN_SOURCE_N_TABLES; table++)
    if (strcmp (baken_content_source_table_resource (table), t->resource) == 0)
      {
        int col = baken_content_source_column (table, field);

        return col >= 0 && baken_content_source_column_is_required (table, col);
      }

  return FALSE;
}

/* One pass over the references of t; TRUE when it left a record out. */
static gboolean
resolve_table (Import *imp,
               HTable *t)
{
  const Mapped *m = find_mapped (t->resource);
  JsonObject *schema = json_object_get_object_member (t->official, "schema");
  JsonArray *keys = json_object_has_member (schema, "foreignKeys")
                    ? json_object_get_array_member (schema, "foreignKeys") : NULL;
  gboolean changed = FALSE;

  for (guint k = 0; keys != NULL && k < json_array_get_length (keys); k++)
    {
      JsonObject *key = json_array_get_object_element (keys, k);
      const char *name = json_object_get_string_member (key, "fields");
      const char *target = json_object_get_string_member (json_object_get_object_member (key, "reference"),
                                                          "resource");
      HTable *other = g_hash_table_lookup (imp->by_resource, target);
      gboolean needed = is_needed (t, name);

      /* A field Baken does not keep is noted as such, whatever it holds. */
      if (baken_hsds_hcolumn (t, name) < 0 || !is_mapped_field (m, name))
        continue;

      for (guint r = 0; r < t->rows->len; r++)
        {
          HRow *row = g_ptr_array_index (t->rows, r);
          const char *ref = baken_hsds_hget (t, row, name);
          HRow *target_row = ref != NULL && other != NULL
                             ? g_hash_table_lookup (other->by_id, ref) : NULL;
          HRow *left_out = ref != NULL && other != NULL
                           ? g_hash_table_lookup (other->left_out_ids, ref) : NULL;
          g_autofree char *message = NULL;

          if (row->rejected || ref == NULL || (target_row != NULL && !target_row->rejected))
            continue;

          if (other == NULL)
            message = g_strdup_printf ("%s \"%s\" refers to a %s, but the package has no %s "
                                       "resource", name, ref, baken_hsds_noun (target), target);
          else if (target_row != NULL || left_out != NULL)
            {
              HRow *at = target_row != NULL ? target_row : left_out;

              message = g_strdup_printf ("%s \"%s\": that %s (%s:%u) %s", name, ref,
                                         baken_hsds_noun (target), baken_hsds_hfile (other, at),
                                         at->line, imp->strict ? "has errors" : "is left out");
            }
          else
            message = g_strdup_printf ("%s \"%s\" is not an id in %s", name, ref, other->file);

          if (needed)
            {
              baken_hsds_import_reject (imp, t, row, name, "%s", message);
              changed = TRUE;
            }
          else
            {
              baken_hsds_import_drop_value (imp, t, row, name, "%s", message);
            }
        }
    }

  return changed;
}

void
baken_hsds_resolve_references (Import *imp)
{
  gboolean changed;

  /* Leaving a record out can leave others without theirs: until nothing changes. */
  do
    {
      changed = FALSE;
      for (guint i = 0; i < imp->tables->len; i++)
        {
          HTable *t = g_ptr_array_index (imp->tables, i);

          if (baken_hsds_import_reads (t->resource))
            changed |= resolve_table (imp, t);
        }
    }
  while (changed);

  baken_hsds_import_compact (imp);
}

/* Reports the resources import does not read, and the fields it does not keep. */
void
baken_hsds_note_unread (Import *imp)
{
  for (guint i = 0; i < imp->tables->len; i++)
    {
      HTable *t = g_ptr_array_index (imp->tables, i);
      const Mapped *m = find_mapped (t->resource);

      if (m == NULL)
        {
          if (t->official != NULL)
            baken_hsds_add_note (imp->notes,
                                 "%s: dropped all %u %s: Baken does not use the HSDS %s "
                                 "resource", t->file, t->rows->len,
                                 t->rows->len == 1 ? "row" : "rows", t->resource);
          else
            baken_hsds_add_note (imp->notes,
                                 "%s: dropped all %u %s: %s is not an HSDS 3.0 resource",
                                 t->file, t->rows->len, t->rows->len == 1 ? "row" : "rows",
                                 t->resource);
          continue;
        }

      for (guint c = 0; c < t->header->len; c++)
        {
          const char *name = g_ptr_array_index (t->header, c);
          gboolean official = FALSE;
          JsonArray *fields = baken_hsds_official_fields (t->official);
          guint n = 0;

          if (is_mapped_field (m, name))
            continue;
          for (guint f = 0; f < json_array_get_length (fields); f++)
            if (strcmp (json_object_get_string_member (json_array_get_object_element (fields, f),
                                                       "name"), name) == 0)
              official = TRUE;
          for (guint r = 0; r < t->rows->len; r++)
            if (baken_hsds_hget (t, g_ptr_array_index (t->rows, r), name) != NULL)
              n++;

          if (!official)
            baken_hsds_add_note (imp->notes,
                                 "%s: column %s is not an HSDS field; not kept (%u %s a "
                                 "value)", t->file, name, n, n == 1 ? "row has" : "rows have");
          else if (n > 0)
            baken_hsds_add_note (imp->notes,
                                 "%s: field %s not kept: Baken has no place for it (%u %s a "
                                 "value)", t->file, name, n, n == 1 ? "row has" : "rows have");
        }
    }
}

gboolean
baken_hsds_import_reads (const char *resource)
{
  return find_mapped (resource) != NULL;
}
