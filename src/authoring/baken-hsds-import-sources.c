/* baken-hsds-import-sources.c: where HSDS JSON comes from: a file, a folder, an API
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JSON file or a folder of them is read with the same caps as any file from outside
 * (baken-file.h); an API is read page by page with the bounded reader of -fetch.c. Each
 * document goes to the JSON reader (baken-hsds-import-json.c), which makes the tables.
 */
#define G_LOG_DOMAIN "baken-hsds"

#include "config.h"

#include "baken-hsds-import-sources.h"

#include <string.h>

#include "baken-file.h"
#include "baken-hsds.h"
#include "baken-hsds-fetch.h"
#include "baken-hsds-import-json.h"
#include "baken-hsds-notes.h"

/* An API that has more pages than this is not a social map. */
#define MAX_PAGES    2000
/* Every stall of this long fails the import. */
#define STALL_S      30

gboolean
baken_hsds_is_json_source (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  gboolean json = FALSE;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_str_has_suffix (path, ".json");
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (strcmp (name, "datapackage.json") == 0 || g_str_has_suffix (name, ".csv"))
        return FALSE;
      json |= g_str_has_suffix (name, ".json");
    }

  return json;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
read_file (Import        *imp,
           BakenHsdsJson *json,
           const char    *full,
           const char    *label)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  BakenHsdsJsonPage page;

  if (!baken_file_read (full, BAKEN_FILE_MAX_JSON, &data, &length, &error))
    {
      baken_hsds_import_document_error (imp, label, 1, 1, "cannot read it (%s); its records "
                                        "are not read", error->message);
      return;
    }
  baken_hsds_json_read (json, label, data, length, FALSE, &page);
  baken_hsds_json_page_clear (&page);
}

gboolean
baken_hsds_read_json_path (Import  *imp,
                           GError **error)
{
  g_autoptr(BakenHsdsJson) json = baken_hsds_json_new (imp);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (imp->path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *label = g_path_get_basename (imp->path);

      read_file (imp, json, imp->path, label);
      baken_hsds_json_finish (json);
      return TRUE;
    }

  dir = g_dir_open (imp->path, 0, NULL);
  if (dir == NULL)
    {
      g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_PACKAGE,
                   "%s is not a folder or a JSON file; give an HSDS package, a JSON file or "
                   "a folder of them", imp->path);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *full = g_build_filename (imp->path, g_ptr_array_index (names, i), NULL);

      read_file (imp, json, full, g_ptr_array_index (names, i));
    }
  baken_hsds_json_finish (json);
  return TRUE;
}

/* URL/services?page=N, or URL/services/ID. */
static char *
api_url (const char *base,
         const char *id,
         guint       page)
{
  g_autofree char *trimmed = g_strdup (base);
  g_autofree char *escaped = id != NULL ? g_uri_escape_string (id, NULL, FALSE) : NULL;
  gsize n = strlen (trimmed);

  while (n > 0 && trimmed[n - 1] == '/')
    trimmed[--n] = '\0';

  return id != NULL ? g_strdup_printf ("%s/services/%s", trimmed, escaped)
                    : g_strdup_printf ("%s/services?page=%u", trimmed, page);
}

gboolean
baken_hsds_read_api (Import      *imp,
                     const char  *url,
                     guint        timeout_s,
                     GError     **error)
{
  g_autoptr(BakenHsdsJson) json = baken_hsds_json_new (imp);
  g_autoptr(BakenHsdsFetch) fetch = NULL;
  guint n_pages = 0, n_services = 0;

  if (!baken_hsds_fetch_check_url (url, error))
    return FALSE;
  fetch = baken_hsds_fetch_new (url, timeout_s, STALL_S);

  for (guint number = 1; ; number++)
    {
      g_autofree char *page_url = api_url (url, NULL, number);
      g_autofree char *label = g_strdup_printf ("services?page=%u", number);
      g_autoptr(GBytes) bytes = NULL;
      BakenHsdsJsonPage page;
      gboolean done;
      gsize length;
      const char *data;

      if (number > MAX_PAGES)
        {
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                       "%s has more than %d pages; no social map is that large", url, MAX_PAGES);
          return FALSE;
        }
      bytes = baken_hsds_fetch_get (fetch, page_url, error);
      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &length);
      if (!baken_hsds_json_read (json, label, data, length, TRUE, &page))
        {
          baken_hsds_json_page_clear (&page);
          g_set_error (error, BAKEN_HSDS_ERROR, BAKEN_HSDS_ERROR_FETCH,
                       "%s is not a page of HSDS services (see the error above); nothing "
                       "was imported", page_url);
          return FALSE;
        }
      n_pages++;
      n_services += page.n_services;

      /* A service listed without its nested objects: read it whole. */
      for (guint i = 0; i < page.compact->len; i++)
        {
          const char *id = g_ptr_array_index (page.compact, i);
          g_autofree char *detail_url = api_url (url, id, 0);
          g_autofree char *detail_label = g_strdup_printf ("services/%s", id);
          g_autoptr(GBytes) detail = baken_hsds_fetch_get (fetch, detail_url, error);
          BakenHsdsJsonPage one;

          if (detail == NULL)
            {
              baken_hsds_json_page_clear (&page);
              return FALSE;
            }
          data = g_bytes_get_data (detail, &length);
          baken_hsds_json_read (json, detail_label, data, length, FALSE, &one);
          baken_hsds_json_page_clear (&one);
        }

      done = !page.is_page || page.last_page ||
             (page.total_pages > 0 && number >= page.total_pages);
      baken_hsds_json_page_clear (&page);
      if (done)
        break;
    }

  baken_hsds_add_note (imp->notes, "services: read %u services from %u %s (%u requests, %"
                       G_GUINT64_FORMAT " bytes)", n_services, n_pages,
                       n_pages == 1 ? "page" : "pages", baken_hsds_fetch_get_n_requests (fetch),
                       baken_hsds_fetch_get_n_bytes (fetch));
  baken_hsds_json_finish (json);
  return TRUE;
}
