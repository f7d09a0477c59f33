/* baken-report.c: the daily report of a kiosk, as JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document follows docs/report-schema.json: every key the schema requires is
 * there (zero when nothing was counted), and no map passes its limit. The files and
 * their folders are baken-report-files.c's.
 */
#define G_LOG_DOMAIN "baken-monitor"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "baken-clock.h"
#include "baken-report.h"
#include "baken-state-counts.h"

#define MAX_IDS 5000
#define REASON_MAX_BYTES 200

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static const char * const channel_keys[] = { "phone", "chat", "appointment", "walk_in",
                                             "website", NULL };
static const char * const helped_details[] = { "yes", "a_little", "no", NULL };
static const char * const wrong_details[] = { "phone", "address", "hours", "gone", "other",
                                              NULL };

BakenReportStatus *
baken_report_status_copy (const BakenReportStatus *status)
{
  BakenReportStatus *copy = g_new0 (BakenReportStatus, 1);

  *copy = *status;
  copy->kiosk_id = g_strdup (status->kiosk_id);
  copy->kiosk_name = g_strdup (status->kiosk_name);
  copy->content_key_id = g_strdup (status->content_key_id);
  copy->content_source = g_strdup (status->content_source);
  copy->printer_state = g_strdup (status->printer_state);
  copy->printer_reason = g_strdup (status->printer_reason);

  return copy;
}

void
baken_report_status_free (BakenReportStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->kiosk_id);
  g_free (status->kiosk_name);
  g_free (status->content_key_id);
  g_free (status->content_source);
  g_free (status->printer_state);
  g_free (status->printer_reason);
  g_free (status);
}

char *
baken_report_day_of (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, baken_local_timezone ());

  return g_date_time_format (local, "%Y-%m-%d");
}

/* Local midnight at the start of day; NULL when day is not YYYY-MM-DD. */
static GDateTime *
day_start (const char *day)
{
  guint64 y, m, d;

  if (day == NULL || strlen (day) != 10 || day[4] != '-' || day[7] != '-')
    return NULL;
  {
    g_autofree char *ys = g_strndup (day, 4);
    g_autofree char *ms = g_strndup (day + 5, 2);
    g_autofree char *ds = g_strndup (day + 8, 2);

    if (!g_ascii_string_to_unsigned (ys, 10, 1970, 9999, &y, NULL) ||
        !g_ascii_string_to_unsigned (ms, 10, 1, 12, &m, NULL) ||
        !g_ascii_string_to_unsigned (ds, 10, 1, 31, &d, NULL))
      return NULL;
  }

  return g_date_time_new (baken_local_timezone (), y, m, d, 0, 0, 0);
}

char *
baken_report_day_add (const char *day,
                      int         days)
{
  g_autoptr(GDateTime) start = day_start (day);
  g_autoptr(GDateTime) other = NULL;

  if (start == NULL)
    return NULL;
  other = g_date_time_add_days (start, days);

  return g_date_time_format (other, "%Y-%m-%d");
}

static char *
iso_utc (gint64 time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* At most max bytes of valid UTF-8, never cut inside a character. */
static char *
truncate_utf8 (const char *text,
               gsize       max)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  const char *end = valid;

  while (*end != '\0')
    {
      const char *next = g_utf8_next_char (end);

      if ((gsize) (next - valid) > max)
        break;
      end = next;
    }

  return g_strndup (valid, end - valid);
}

static void
add_timestamp_or_null (JsonBuilder *builder,
                       const char  *name,
                       gint64       time)
{
  json_builder_set_member_name (builder, name);
  if (time > 0)
    {
      g_autofree char *text = iso_utc (time);

      json_builder_add_string_value (builder, text);
    }
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         guint64      value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, (gint64) MIN (value, G_GUINT64_CONSTANT (1000000000)));
}

/* The rows of kind (sorted by kind in rows) as { key: n }. */
static void
add_map (JsonBuilder    *builder,
         const char     *name,
         GPtrArray      *rows,
         BakenCountKind  kind,
         guint           max)
{
  guint n = 0;

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      const BakenCountRow *row = g_ptr_array_index (rows, i);

      if (row->kind == kind && n++ < max)
        add_int (builder, row->key, row->n);
    }
  json_builder_end_object (builder);
}

static guint64
sum_of (GPtrArray      *rows,
        BakenCountKind  kind,
        const char     *key)
{
  guint64 sum = 0;

  for (guint i = 0; i < rows->len; i++)
    {
      const BakenCountRow *row = g_ptr_array_index (rows, i);

      if (row->kind == kind && (key == NULL || g_strcmp0 (row->key, key) == 0))
        sum += row->n;
    }

  return sum;
}

/* Fixed keys, each present: { "phone": n, … }. */
static void
add_fixed (JsonBuilder        *builder,
           const char         *name,
           GPtrArray          *rows,
           BakenCountKind      kind,
           const char * const *keys)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint k = 0; keys[k] != NULL; k++)
    add_int (builder, keys[k], sum_of (rows, kind, keys[k]));
  json_builder_end_object (builder);
}

/* { "svc-id": { "yes": n, … }, … } from rows of kind with a detail. */
static void
add_per_service (JsonBuilder        *builder,
                 const char         *name,
                 GPtrArray          *rows,
                 BakenCountKind      kind,
                 const char * const *details)
{
  g_autoptr(GHashTable) services = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const BakenCountRow *row = g_ptr_array_index (rows, i);

      if (row->kind == kind && !g_hash_table_contains (services, row->key) &&
          order->len < MAX_IDS)
        {
          g_hash_table_add (services, row->key);
          g_ptr_array_add (order, row->key);
        }
    }
  g_ptr_array_sort (order, compare_strings);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (guint s = 0; s < order->len; s++)
    {
      const char *service = g_ptr_array_index (order, s);

      json_builder_set_member_name (builder, service);
      json_builder_begin_object (builder);
      for (guint d = 0; details[d] != NULL; d++)
        {
          guint64 n = 0;

          for (guint i = 0; i < rows->len; i++)
            {
              const BakenCountRow *row = g_ptr_array_index (rows, i);

              if (row->kind == kind && g_str_equal (row->key, service) &&
                  g_str_equal (row->detail, details[d]))
                n += row->n;
            }
          add_int (builder, details[d], n);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_counts (JsonBuilder *builder,
            GPtrArray   *rows)
{
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  add_map (builder, "life_events", rows, BAKEN_COUNT_LIFE_EVENT, MAX_IDS);
  add_map (builder, "situations", rows, BAKEN_COUNT_SITUATION, MAX_IDS);
  add_map (builder, "services", rows, BAKEN_COUNT_SERVICE, MAX_IDS);
  add_fixed (builder, "channels", rows, BAKEN_COUNT_CHANNEL, channel_keys);
  add_fixed (builder, "slips", rows, BAKEN_COUNT_SLIP,
             (const char * const []) { "resident", "handover", NULL });
  add_int (builder, "read_aloud", sum_of (rows, BAKEN_COUNT_READ_ALOUD, NULL));
  add_int (builder, "speech_mode", sum_of (rows, BAKEN_COUNT_SPEECH_MODE, NULL));
  add_map (builder, "languages", rows, BAKEN_COUNT_LANGUAGE, 32);
  add_fixed (builder, "text_size", rows, BAKEN_COUNT_TEXT_SIZE,
             (const char * const []) { "large", "very_large", NULL });
  add_int (builder, "high_contrast", sum_of (rows, BAKEN_COUNT_HIGH_CONTRAST, NULL));
  add_int (builder, "idle_resets", sum_of (rows, BAKEN_COUNT_IDLE_RESET, NULL));

  json_builder_set_member_name (builder, "visits_by_hour");
  json_builder_begin_array (builder);
  for (guint hour = 0; hour < 24; hour++)
    {
      char key[3];

      g_snprintf (key, sizeof key, "%02u", hour);
      json_builder_add_int_value (builder, (gint64) MIN (sum_of (rows, BAKEN_COUNT_VISIT, key),
                                                         G_GUINT64_CONSTANT (1000000000)));
    }
  json_builder_end_array (builder);

  add_int (builder, "searches", sum_of (rows, BAKEN_COUNT_SEARCH, NULL));
  add_int (builder, "searches_without_result", sum_of (rows, BAKEN_COUNT_SEARCH_EMPTY, NULL));
  add_map (builder, "terms_without_result", rows, BAKEN_COUNT_TERM, 200);
  add_per_service (builder, "helped", rows, BAKEN_COUNT_HELPED, helped_details);
  add_per_service (builder, "wrong", rows, BAKEN_COUNT_WRONG, wrong_details);
  json_builder_end_object (builder);
}

static gboolean
add_status (JsonBuilder              *builder,
            BakenState               *state,
            const char               *day,
            GPtrArray                *rows,
            const BakenReportStatus  *status,
            gint64                    now,
            GError                  **error)
{
  g_autoptr(GDateTime) start = day_start (day);
  g_autoptr(GDateTime) end = g_date_time_add_days (start, 1);
  g_autofree char *reason = NULL;
  BakenSyncResult result = BAKEN_SYNC_RESULT_FAILED;
  gint64 sync_time = 0;
  gboolean found = FALSE;
  guint fallbacks = 0;

  if (!baken_state_last_sync_before (state, MIN (now + 1, g_date_time_to_unix (end)), &found,
                                     &sync_time, &result, &reason, error) ||
      !baken_state_count_fallbacks (state, g_date_time_to_unix (start),
                                    g_date_time_to_unix (end), &fallbacks, error))
    return FALSE;

  json_builder_set_member_name (builder, "status");
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "last_sync");
  json_builder_begin_object (builder);
  add_timestamp_or_null (builder, "at", found ? sync_time : 0);
  json_builder_set_member_name (builder, "result");
  json_builder_add_string_value (builder,
                                 !found ? "never"
                                 : result == BAKEN_SYNC_RESULT_INSTALLED ? "installed"
                                 : result == BAKEN_SYNC_RESULT_UNCHANGED ? "unchanged"
                                 : "failed");
  json_builder_set_member_name (builder, "reason");
  {
    gboolean failed = found && result != BAKEN_SYNC_RESULT_INSTALLED &&
                      result != BAKEN_SYNC_RESULT_UNCHANGED;
    g_autofree char *text = truncate_utf8 (failed ? reason : "", REASON_MAX_BYTES);

    json_builder_add_string_value (builder, text);
  }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "printer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, status->printer_state != NULL
                                          ? status->printer_state : "none");
  json_builder_set_member_name (builder, "reason");
  {
    g_autofree char *text = truncate_utf8 (status->printer_reason, REASON_MAX_BYTES);

    json_builder_add_string_value (builder, text);
  }
  json_builder_end_object (builder);

  add_int (builder, "uptime_s", status->started > 0 && now > status->started
                                ? (guint64) (now - status->started) : 0);
  add_int (builder, "restarts", sum_of (rows, BAKEN_COUNT_RESTART, NULL));
  add_int (builder, "fallbacks", fallbacks);
  json_builder_end_object (builder);

  return TRUE;
}

char *
baken_report_build (BakenState               *state,
                    const char               *day,
                    const BakenReportStatus  *status,
                    gint64                    now,
                    GError                  **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) start = day_start (day);
  g_autofree char *generated = iso_utc (now);
  g_autofree char *name = truncate_utf8 (status->kiosk_name, REASON_MAX_BYTES);
  g_autofree char *key_id = truncate_utf8 (status->content_key_id, 32);

  g_return_val_if_fail (BAKEN_IS_STATE (state), NULL);
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (status != NULL && status->kiosk_id != NULL, NULL);

  rows = baken_state_get_counts (state, day, error);
  if (rows == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, BAKEN_REPORT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, BAKEN_REPORT_VERSION);

  json_builder_set_member_name (builder, "kiosk");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, status->kiosk_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, day);
  json_builder_set_member_name (builder, "generated");
  json_builder_add_string_value (builder, generated);

  json_builder_set_member_name (builder, "app");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_string_value (builder, PACKAGE_VERSION);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "content");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "serial");
  json_builder_add_int_value (builder, (gint64) MIN (status->content_serial, (guint64) G_MAXINT64));
  add_timestamp_or_null (builder, "published", status->content_published);
  json_builder_set_member_name (builder, "key_id");
  json_builder_add_string_value (builder, key_id);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, status->content_source != NULL
                                          ? status->content_source : "none");
  json_builder_end_object (builder);

  if (!add_status (builder, state, day, rows, status, now, error))
    return NULL;
  add_counts (builder, rows);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}
