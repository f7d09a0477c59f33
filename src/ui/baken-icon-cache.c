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
 * Bounded: at most MAX_PARSED parsed SVGs (past that the cache starts over: a new
 * content bundle may bring new icons, and the old ones go the same way) and
 * BAKEN_ICON_CACHE_MAX_BYTES of drawn pixels, past which the surfaces used longest ago
 * go first. Home's tiles drawn at three text sizes, with and without high contrast,
 * take ~25 MB at 1080×1920; a smaller bound that started over made every page after a
 * text size or contrast change draw all its icons again (~50 ms of paint per tap at the
 * largest text). Main thread only.
 */
#define G_LOG_DOMAIN "baken-icon"

#include "config.h"

#include "baken-icon-cache.h"

#include "baken-icon-render.h"

#define MAX_PARSED 256

typedef struct
{
  GBytes     *svg;         /* (owned) */
  int         size;
  const char *stylesheet;  /* (unowned) static, compared by address */
  /* Not part of the key: */
  gsize       bytes;       /* of its surface */
  guint64     used;        /* when it was last asked for (use_count) */
} SurfaceKey;

static GHashTable *parsed;    /* GBytes → BakenIconRender, or NULL for an unreadable SVG */
static GHashTable *surfaces;  /* SurfaceKey → cairo_surface_t */
static gsize       surface_bytes;
static guint64     use_count;

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

/* Drops the surface asked for longest ago; FALSE when there is none. */
static gboolean
evict_oldest (void)
{
  GHashTableIter iter;
  SurfaceKey *key, *oldest = NULL;

  g_hash_table_iter_init (&iter, surfaces);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (oldest == NULL || key->used < oldest->used)
      oldest = key;
  if (oldest == NULL)
    return FALSE;

  surface_bytes -= oldest->bytes;
  g_hash_table_remove (surfaces, oldest);

  return TRUE;
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
  if (g_hash_table_lookup_extended (surfaces, &lookup, (gpointer *) &key, (gpointer *) &surface))
    {
      key->used = ++use_count;
      return cairo_surface_reference (surface);
    }

  render = get_render (svg, error);
  if (render == NULL)
    return NULL;
  if (!baken_icon_render_set_stylesheet (render, stylesheet, error))
    return NULL;
  surface = baken_icon_render_to_surface (render, size, error);
  if (surface == NULL)
    return NULL;

  bytes = (gsize) cairo_image_surface_get_stride (surface) *
          (gsize) cairo_image_surface_get_height (surface);
  while (surface_bytes + bytes > BAKEN_ICON_CACHE_MAX_BYTES && evict_oldest ())
    ;
  key = g_new0 (SurfaceKey, 1);
  key->svg = g_bytes_ref (svg);
  key->size = size;
  key->stylesheet = stylesheet;
  key->bytes = bytes;
  key->used = ++use_count;
  g_hash_table_insert (surfaces, key, cairo_surface_reference (surface));
  surface_bytes += bytes;

  return surface;
}

gsize
baken_icon_cache_get_bytes (void)
{
  return surface_bytes;
}

void
baken_icon_cache_clear (void)
{
  g_clear_pointer (&surfaces, g_hash_table_unref);
  g_clear_pointer (&parsed, g_hash_table_unref);
  surface_bytes = 0;
}
