/* baken-icon-cache.c: each SVG icon parsed once, and drawn once per size and style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page shows a dozen icons, and the same icons come back on every visit: Home's
 * tiles, the arrows of Back and Home, the icons of the life events. Parsing an SVG and
 * drawing it with librsvg costs about a millisecond each, so doing it again per page
 * costs frames. Here each distinct SVG (by content) is parsed once and each (SVG, size,
 * style sheet) drawn once into an image surface that every icon showing it shares.
 *
 * Bounded: at most MAX_PARSED parsed SVGs and MAX_SURFACE_BYTES of drawn pixels; past
 * either the cache starts over (a new content bundle may bring new icons; the old ones
 * then go the same way). Main thread only.
 */
#define G_LOG_DOMAIN "baken-icon"

#include "config.h"

#include "baken-icon-cache.h"

#include "baken-icon-render.h"

#define MAX_PARSED        256
#define MAX_SURFACE_BYTES (16 * 1024 * 1024)

typedef struct
{
  GBytes     *svg;         /* (owned) */
  int         size;
  const char *stylesheet;  /* (unowned) static, compared by address */
} SurfaceKey;

static GHashTable *parsed;    /* GBytes → BakenIconRender, or NULL for an unreadable SVG */
static GHashTable *surfaces;  /* SurfaceKey → cairo_surface_t */
static gsize       surface_bytes;

static guint
surface_key_hash (gconstpointer data)
{
  const SurfaceKey *key = data;

  return g_bytes_hash (key->svg) ^ ((guint) key->size * 2654435761u) ^
         g_direct_hash (key->stylesheet);
}

static gboolean
surface_key_equal (gconstpointer a,
                   gconstpointer b)
{
  const SurfaceKey *x = a, *y = b;

  return x->size == y->size && x->stylesheet == y->stylesheet && g_bytes_equal (x->svg, y->svg);
}

static void
surface_key_free (SurfaceKey *key)
{
  g_bytes_unref (key->svg);
  g_free (key);
}

static void
ensure_tables (void)
{
  if (parsed != NULL)
    return;
  parsed = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                  (GDestroyNotify) g_bytes_unref,
                                  (GDestroyNotify) baken_icon_render_unref);
  surfaces = g_hash_table_new_full (surface_key_hash, surface_key_equal,
                                    (GDestroyNotify) surface_key_free,
                                    (GDestroyNotify) cairo_surface_destroy);
}

/* The parsed SVG (unowned), or NULL with error set. */
static BakenIconRender *
get_render (GBytes  *svg,
            GError **error)
{
  BakenIconRender *render;

  ensure_tables ();
  if (g_hash_table_lookup_extended (parsed, svg, NULL, (gpointer *) &render))
    {
      if (render == NULL)
        g_set_error_literal (error, BAKEN_ICON_RENDER_ERROR, BAKEN_ICON_RENDER_ERROR_INVALID,
                             "The SVG cannot be read");
      return render;
    }

  if (g_hash_table_size (parsed) >= MAX_PARSED)
    baken_icon_cache_clear ();
  ensure_tables ();
  render = baken_icon_render_new (svg, error);
  g_hash_table_insert (parsed, g_bytes_ref (svg), render);

  return render;
}

gboolean
baken_icon_cache_check (GBytes  *svg,
                        GError **error)
{
  g_return_val_if_fail (svg != NULL, FALSE);

  return get_render (svg, error) != NULL;
}

cairo_surface_t *
baken_icon_cache_lookup (GBytes      *svg,
                         int          size,
                         const char  *stylesheet,
                         GError     **error)
{
  SurfaceKey lookup = { svg, size, stylesheet };
  BakenIconRender *render;
  cairo_surface_t *surface;
  SurfaceKey *key;
  gsize bytes;

  g_return_val_if_fail (svg != NULL, NULL);

  ensure_tables ();
  surface = g_hash_table_lookup (surfaces, &lookup);
  if (surface != NULL)
    return cairo_surface_reference (surface);

  render = get_render (svg, error);
  if (render == NULL)
    return NULL;
  if (!baken_icon_render_set_stylesheet (render, stylesheet, error))
    return NULL;
  surface = baken_icon_render_to_surface (render, size, error);
  if (surface == NULL)
    return NULL;

  bytes = (gsize) size * size * 4;
  if (surface_bytes + bytes > MAX_SURFACE_BYTES)
    {
      g_hash_table_remove_all (surfaces);
      surface_bytes = 0;
    }
  key = g_new0 (SurfaceKey, 1);
  key->svg = g_bytes_ref (svg);
  key->size = size;
  key->stylesheet = stylesheet;
  g_hash_table_insert (surfaces, key, cairo_surface_reference (surface));
  surface_bytes += bytes;

  return surface;
}

void
baken_icon_cache_clear (void)
{
  g_clear_pointer (&surfaces, g_hash_table_unref);
  g_clear_pointer (&parsed, g_hash_table_unref);
  surface_bytes = 0;
}
