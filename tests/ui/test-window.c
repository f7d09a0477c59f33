/* test-window.c: the resident's screens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ui-test-util.h"

#include "baken-context.h"
#include "baken-icon.h"
#include "baken-idle-dialog.h"
#include "baken-tile-grid.h"

typedef struct
{
  int width;
  int height;
} Size;

static const Size portrait = { 1080, 1920 };
static const Size landscape = { 1920, 1080 };

static BakenCatalog *
window_catalog (BakenWindow *window)
{
  return baken_context_get_catalog (baken_window_get_context (window));
}

static void
assert_inside (GtkWidget *widget,
               GtkWidget *window)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &bounds));
  g_assert_cmpfloat (bounds.size.width, >, 0);
  g_assert_cmpfloat (bounds.size.height, >, 0);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
}

static void
assert_no_scrolling (GtkWidget *scroller)
{
  GtkAdjustment *v;

  g_assert_nonnull (scroller);
  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (v), <=, gtk_adjustment_get_page_size (v) + 0.5);
}

/* Every tile on Home is drawn whole inside the window, with its icon at its exact size,
 * and nothing scrolls. */
static void
test_home_fits (gconstpointer data)
{
  const Size *size = data;
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) tiles = NULL;
  g_autoptr(GPtrArray) nav = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  BakenWindow *window;
  GtkWidget *grid;

  window = ui_test_window_new (config, FALSE, 1.0, size->width, size->height);

  /* The window kept its size: its content asks for no more than the screen has. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, size->width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), ==, size->height);

  events = baken_catalog_get_life_events (window_catalog (window), NULL, "nl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 8);

  tiles = ui_test_find_by_css_class (GTK_WIDGET (window), "tile");
  g_assert_cmpuint (tiles->len, ==, events->len);
  for (guint i = 0; i < tiles->len; i++)
    {
      GtkWidget *tile = g_ptr_array_index (tiles, i);
      GtkWidget *icon = ui_test_find_widget (tile, BAKEN_TYPE_ICON);
      int drawn;

      assert_inside (tile, GTK_WIDGET (window));

      /* Rendered by librsvg at the size it is shown, never scaled. */
      g_assert_nonnull (icon);
      drawn = MIN (gtk_widget_get_width (icon), gtk_widget_get_height (icon)) *
              gtk_widget_get_scale_factor (icon);
      g_assert_cmpint (drawn, >=, 96);
      g_assert_cmpint (baken_icon_get_rendered_size (BAKEN_ICON (icon)), ==, drawn);
    }

  nav = ui_test_find_by_css_class (GTK_WIDGET (window), "nav");
  g_assert_cmpuint (nav->len, ==, 2);
  for (guint i = 0; i < nav->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (nav, i);

      assert_inside (button, GTK_WIDGET (window));
      g_assert_cmpint (gtk_widget_get_height (button), >=, 90);
    }

  /* No scrolling needed on Home: the scroller around the tiles has nothing to scroll. */
  assert_no_scrolling (ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SCROLLED_WINDOW));

  grid = ui_test_find_widget (GTK_WIDGET (window), BAKEN_TYPE_TILE_GRID);
  g_test_message ("%d×%d: %u tiles in %u columns", size->width, size->height, tiles->len,
                  baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)));
  if (size->width > size->height)
    g_assert_cmpuint (baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)), >=, 4);
  else
    g_assert_cmpuint (baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)), <=, 4);

  ui_test_window_destroy (window);
}

static void
assert_shows (BakenWindow *window,
              const char  *text)
{
  if (!ui_test_has_label (GTK_WIDGET (window), text))
    {
      g_autoptr(GPtrArray) labels = ui_test_collect_labels (GTK_WIDGET (window));

      for (guint i = 0; i < labels->len; i++)
        g_test_message ("shown: “%s”", (char *) g_ptr_array_index (labels, i));
      g_error ("“%s” is not shown", text);
    }
}

static void
assert_not_shows (BakenWindow *window,
                  const char  *text)
{
  g_assert_false (ui_test_has_label (GTK_WIDGET (window), text));
}

typedef struct
{
  const Size *size;
  const char *language;
} PathData;

/* The first top-level event with sub-situations, its first sub-situation that has
 * services, and that situation's first service. */
static void
find_path (BakenCatalog  *catalog,
           char         **event_id,
           char         **situation_id,
           char         **service_id)
{
  ui_test_find_path (catalog, NULL, NULL, event_id, situation_id, service_id);
}

/* Home → life event → situation → service page → Back → Home, with the texts of the
 * chosen language on screen at every step. */
static void
test_resident_path (gconstpointer data)
{
  const PathData *path = data;
  const char *lang = path->language;
  gboolean english = g_str_equal (lang, "en");
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autofree char *event_id = NULL;
  g_autofree char *situation_id = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(BakenLifeEvent) situation = NULL;
  g_autoptr(BakenService) service = NULL;
  g_autoptr(BakenService) service_nl = NULL;
  g_autoptr(GError) error = NULL;
  BakenCatalog *catalog;
  BakenWindow *window;

  window = ui_test_window_new (config, FALSE, 1.0, path->size->width, path->size->height);
  catalog = window_catalog (window);
  find_path (catalog, &event_id, &situation_id, &service_id);

  event = baken_catalog_get_life_event (catalog, event_id, lang, &error);
  g_assert_no_error (error);
  situation = baken_catalog_get_life_event (catalog, situation_id, lang, &error);
  g_assert_no_error (error);
  service = baken_catalog_get_service (catalog, service_id, lang, BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);
  service_nl = baken_catalog_get_service (catalog, service_id, "nl", BAKEN_AUDIENCE_PUBLIC,
                                          &error);
  g_assert_no_error (error);

  assert_shows (window, "Waar kunt u hulp bij gebruiken?");
  assert_shows (window, "Nederlands");
  assert_shows (window, "English");

  if (english)
    {
      /* The demo content has English texts; otherwise this test could not fail. */
      g_assert_cmpstr (service->name, !=, service_nl->name);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s",
                                                 "en"));
      ui_test_settle (window);
      g_assert_cmpstr (baken_window_get_language (window), ==, "en");
      assert_shows (window, "What do you need help with?");
      assert_not_shows (window, "Waar kunt u hulp bij gebruiken?");
      assert_shows (window, "Ask the staff at the desk");
    }
  else
    {
      assert_shows (window, "Vraag het aan de medewerker bij de balie");
    }

  /* The tile of the life event, in the language. */
  assert_shows (window, event->title);

  expected = g_strdup_printf ("event:%s", event_id);
  ui_test_activate_to (window, "kiosk.open-event", event_id, expected);
  assert_shows (window, event->question != NULL ? event->question
                        : english ? "What fits your situation best?" : "Wat past het best bij u?");
  assert_shows (window, situation->title);
  assert_shows (window, english ? "Back" : "Terug");
  assert_shows (window, english ? "Home" : "Begin");

  g_free (expected);
  expected = g_strdup_printf ("services:%s", situation_id);
  ui_test_activate_to (window, "kiosk.open-event", situation_id, expected);
  assert_shows (window, situation->title);
  assert_shows (window, service->name);
  assert_shows (window, service->organization_name);

  g_free (expected);
  expected = g_strdup_printf ("service:%s", service_id);
  ui_test_activate_to (window, "kiosk.open-service", service_id, expected);
  assert_shows (window, service->name);
  if (service->cost != NULL)
    {
      assert_shows (window, english ? "What does it cost?" : "Wat kost het?");
      assert_shows (window, service->cost);
    }
  if (english)
    assert_not_shows (window, service_nl->name);

  g_free (expected);
  expected = g_strdup_printf ("services:%s", situation_id);
  ui_test_activate_to (window, "kiosk.back", NULL, expected);
  assert_shows (window, service->name);

  ui_test_activate_to (window, "kiosk.home", NULL, "home");
  assert_shows (window, english ? "What do you need help with?" : "Waar kunt u hulp bij gebruiken?");

  /* And back to Dutch: gettext must not keep the English it cached. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "nl"));
  ui_test_settle (window);
  assert_shows (window, "Waar kunt u hulp bij gebruiken?");
  assert_shows (window, "Terug");
  assert_not_shows (window, "What do you need help with?");

  ui_test_window_destroy (window);
}

static const char idle_config[] =
  "[idle]\n"
  "timeout = 20\n"
  "countdown = 5\n";

/* A countdown long enough to look at the prompt and press its button, also under
 * AddressSanitizer. */
static const char idle_long_countdown_config[] =
  "[idle]\n"
  "timeout = 20\n"
  "countdown = 120\n";

/* 20 s + 5 s become 1 s + 0.25 s (120 s: 6 s). */
#define IDLE_SCALE 0.05

static gboolean
prompt_visible (gpointer data)
{
  return baken_window_get_idle_prompt_visible (data);
}

static gboolean
prompt_hidden (gpointer data)
{
  return !baken_window_get_idle_prompt_visible (data);
}


static GtkWidget *
find_any (GtkWidget *root,
          GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_any (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The prompt's number (as set, before it is drawn), or -1 when there is no prompt. */
static int
shown_countdown (BakenWindow *window)
{
  GtkWidget *dialog = find_any (GTK_WIDGET (window), BAKEN_TYPE_IDLE_DIALOG);

  if (dialog == NULL || !gtk_widget_get_mapped (dialog))
    return -1;

  return (int) baken_idle_dialog_get_seconds (BAKEN_IDLE_DIALOG (dialog));
}

/* Whether a label under root has this text, drawn yet or not (the prompt may be gone
 * again before a slow machine draws it). */
static gboolean
has_mapped_label (GtkWidget  *root,
                  const char *text)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;

  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_mapped_label (child, text))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  BakenWindow *window;
  int          lowest;
  int          highest;
} CountdownWatch;

static gboolean
reset_done (gpointer data)
{
  CountdownWatch *watch = data;
  g_autofree char *location = baken_window_dup_location (watch->window);
  int shown = shown_countdown (watch->window);

  if (shown > 0)
    {
      watch->lowest = MIN (watch->lowest, shown);
      watch->highest = MAX (watch->highest, shown);
    }

  return g_str_equal (location, "home") &&
         !baken_window_get_idle_prompt_visible (watch->window);
}

/* Left alone on an inner screen in English: "Are you still there?", a countdown, then
 * Home in Dutch. */
static void
test_idle_reset (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (idle_config);
  g_autofree char *event_id = NULL;
  g_autofree char *situation_id = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *expected = NULL;
  CountdownWatch watch = { NULL, G_MAXINT, 0 };
  BakenWindow *window;
  gint64 before, late;
  int first;

  window = ui_test_window_new (config, FALSE, IDLE_SCALE, portrait.width, portrait.height);
  find_path (window_catalog (window), &event_id, &situation_id, &service_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.language", "s", "en"));
  expected = g_strdup_printf ("event:%s", event_id);
  before = g_get_monotonic_time ();
  ui_test_activate_to (window, "kiosk.open-event", event_id, expected);
  g_assert_false (baken_window_get_idle_prompt_visible (window));

  g_assert_true (ui_test_wait (prompt_visible, window, 5000));
  /* It starts at the configured countdown, in the resident's language. The prompt comes
   * 1 s after the last action, itself after `before`; a loaded machine may look later,
   * when the countdown has already ticked (every 50 ms) as often as that delay allows.
   * So: 5, or 5 minus at most the ticks of the delay, but never more than 5. */
  late = g_get_monotonic_time () - before - 20 * IDLE_SCALE * G_USEC_PER_SEC;
  first = shown_countdown (window);
  g_test_message ("prompt seen at most %.0f ms late, showing %d", late / 1000.0, first);
  g_assert_cmpint (first, <=, 5);
  g_assert_cmpint (first, >=, MAX (1, 5 - (int) (late / (IDLE_SCALE * G_USEC_PER_SEC))));
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "Are you still there?"));
  g_assert_true (has_mapped_label (GTK_WIDGET (window), "Yes, I need more time"));

  watch.window = window;
  reset_done (&watch);
  g_assert_true (ui_test_wait (reset_done, &watch, 5000));
  ui_test_settle (window);

  g_test_message ("countdown shown from %d down to %d", watch.highest, watch.lowest);
  g_assert_cmpint (watch.highest, ==, first);

  g_assert_cmpstr (baken_window_get_language (window), ==, "nl");
  assert_shows (window, "Waar kunt u hulp bij gebruiken?");
  assert_not_shows (window, "Are you still there?");
  assert_not_shows (window, "Bent u er nog?");

  ui_test_window_destroy (window);
}

static gboolean
counted_down (gpointer data)
{
  int shown = shown_countdown (data);

  return shown >= 0 && shown < 120;
}

/* The countdown goes down while it shows; "Ja, ik wil meer tijd" keeps the resident
 * where they were. */
static void
test_idle_more_time (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (idle_long_countdown_config);
  g_autofree char *event_id = NULL;
  g_autofree char *situation_id = NULL;
  g_autofree char *service_id = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *location = NULL;
  BakenWindow *window;
  gint64 more_time;

  window = ui_test_window_new (config, FALSE, IDLE_SCALE, landscape.width, landscape.height);
  find_path (window_catalog (window), &event_id, &situation_id, &service_id);

  expected = g_strdup_printf ("service:%s", service_id);
  ui_test_activate_to (window, "kiosk.open-service", service_id, expected);
  g_assert_true (ui_test_wait (prompt_visible, window, 5000));
  g_assert_cmpint (shown_countdown (window), ==, 120);
  /* One (scaled) second later the number is lower and the prompt still there. */
  g_assert_true (ui_test_wait (counted_down, window, 5000));
  g_assert_true (baken_window_get_idle_prompt_visible (window));
  ui_test_settle (window);
  assert_shows (window, "Bent u er nog?");

  more_time = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "kiosk.more-time", NULL));
  g_assert_true (ui_test_wait (prompt_hidden, window, 1000));
  ui_test_settle (window);
  assert_not_shows (window, "Bent u er nog?");

  /* A whole new timeout (1 s) on the same screen before the prompt comes back: waiting
   * for it to come, rather than for a while in which it must not, holds on a slow
   * machine too. */
  g_assert_true (ui_test_wait (prompt_visible, window, 5000));
  g_assert_cmpint (g_get_monotonic_time () - more_time, >=, 20 * IDLE_SCALE * G_USEC_PER_SEC);
  location = baken_window_dup_location (window);
  g_assert_cmpstr (location, ==, expected);

  ui_test_window_destroy (window);
}

typedef struct
{
  BakenWindow *window;
  gboolean     seen;
} PromptWatch;

static gboolean
watch_prompt_cb (gpointer data)
{
  PromptWatch *watch = data;

  if (baken_window_get_idle_prompt_visible (watch->window))
    watch->seen = TRUE;

  return G_SOURCE_CONTINUE;
}

static gboolean
prompt_seen (gpointer data)
{
  return ((PromptWatch *) data)->seen;
}

/* At Home in Dutch nothing needs resetting: no prompt. */
static void
test_idle_at_rest (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (idle_config);
  PromptWatch watch = { NULL, FALSE };
  guint id;

  watch.window = ui_test_window_new (config, FALSE, IDLE_SCALE, portrait.width,
                                     portrait.height);

  /* Longer than timeout + countdown (1.25 s), looking every 10 ms. */
  id = g_timeout_add (10, watch_prompt_cb, &watch);
  g_assert_false (ui_test_wait (prompt_seen, &watch, 2500));
  g_source_remove (id);

  ui_test_window_destroy (watch.window);
}

typedef struct
{
  BakenWindow *window;
  GPtrArray   *secrets;        /* staff channel values and labels */
  GHashTable  *seen_services;
  guint        n_screens;
} StaffWalk;

static void
assert_no_secret_shown (StaffWalk *walk)
{
  g_autoptr(GPtrArray) labels = ui_test_collect_labels (GTK_WIDGET (walk->window));
  g_autofree char *location = baken_window_dup_location (walk->window);

  g_assert_cmpuint (labels->len, >, 0);
  walk->n_screens++;

  for (guint i = 0; i < labels->len; i++)
    for (guint j = 0; j < walk->secrets->len; j++)
      {
        const char *label = g_ptr_array_index (labels, i);
        const char *secret = g_ptr_array_index (walk->secrets, j);

        if (strstr (label, secret) != NULL)
          g_error ("%s shows the staff-only “%s” in “%s”", location, secret, label);
      }
}

static void
walk_services (StaffWalk  *walk,
               const char *event_id)
{
  BakenCatalog *catalog = window_catalog (walk->window);
  g_autoptr(GPtrArray) services = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *here = g_strdup_printf ("services:%s", event_id);

  services = baken_catalog_get_services_for_event (catalog, event_id, "nl",
                                                   BAKEN_AUDIENCE_PUBLIC, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < services->len; i++)
    {
      BakenService *service = g_ptr_array_index (services, i);
      g_autofree char *there = NULL;

      if (!g_hash_table_add (walk->seen_services, g_strdup (service->id)))
        continue;

      there = g_strdup_printf ("service:%s", service->id);
      ui_test_activate_to (walk->window, "kiosk.open-service", service->id, there);
      assert_no_secret_shown (walk);
      ui_test_activate_to (walk->window, "kiosk.back", NULL, here);
    }
}

static void
walk_event (StaffWalk      *walk,
            BakenLifeEvent *event,
            const char     *back_to)
{
  BakenCatalog *catalog = window_catalog (walk->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *here = NULL;

  if (event->n_children == 0)
    {
      here = g_strdup_printf ("services:%s", event->id);
      ui_test_activate_to (walk->window, "kiosk.open-event", event->id, here);
      assert_no_secret_shown (walk);
      walk_services (walk, event->id);
    }
  else
    {
      g_autoptr(GPtrArray) children = NULL;

      here = g_strdup_printf ("event:%s", event->id);
      ui_test_activate_to (walk->window, "kiosk.open-event", event->id, here);
      assert_no_secret_shown (walk);

      children = baken_catalog_get_life_events (catalog, event->id, "nl", &error);
      g_assert_no_error (error);
      for (guint i = 0; i < children->len; i++)
        walk_event (walk, g_ptr_array_index (children, i), here);

      if (event->n_services > 0)
        {
          g_autofree char *services = g_strdup_printf ("services:%s", event->id);

          ui_test_activate_to (walk->window, "kiosk.open-services", event->id, services);
          assert_no_secret_shown (walk);
          walk_services (walk, event->id);
          ui_test_activate_to (walk->window, "kiosk.back", NULL, here);
        }
    }

  ui_test_activate_to (walk->window, "kiosk.back", NULL, back_to);
}

/* Backoffice numbers are for staff: no resident screen shows one. */
static void
test_no_staff_channels (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) secrets = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) all_services = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                              g_free, NULL);
  g_autoptr(GPtrArray) queue = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  StaffWalk walk = { NULL, secrets, seen, 0 };
  BakenCatalog *catalog;
  GHashTableIter iter;
  gpointer key;

  walk.window = ui_test_window_new (config, FALSE, 1.0, portrait.width, portrait.height);
  catalog = window_catalog (walk.window);

  /* Every service reachable from any life event, and their staff-only channels. */
  g_ptr_array_add (queue, NULL);
  for (guint q = 0; q < queue->len; q++)
    {
      g_autoptr(GPtrArray) children = NULL;

      children = baken_catalog_get_life_events (catalog, g_ptr_array_index (queue, q), "nl",
                                                &error);
      g_assert_no_error (error);
      for (guint i = 0; i < children->len; i++)
        {
          BakenLifeEvent *child = g_ptr_array_index (children, i);
          g_autoptr(GPtrArray) services = NULL;

          g_ptr_array_add (queue, g_strdup (child->id));
          services = baken_catalog_get_services_for_event (catalog, child->id, "nl",
                                                           BAKEN_AUDIENCE_STAFF, &error);
          g_assert_no_error (error);
          for (guint j = 0; j < services->len; j++)
            g_hash_table_add (all_services,
                              g_strdup (((BakenService *) g_ptr_array_index (services, j))->id));
        }
    }

  g_hash_table_iter_init (&iter, all_services);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr(BakenService) service = NULL;

      service = baken_catalog_get_service (catalog, key, "nl", BAKEN_AUDIENCE_STAFF, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < service->channels->len; i++)
        {
          BakenChannel *channel = g_ptr_array_index (service->channels, i);

          if (!channel->is_staff)
            continue;
          if (channel->value != NULL)
            g_ptr_array_add (secrets, g_strdup (channel->value));
          if (channel->label != NULL)
            g_ptr_array_add (secrets, g_strdup (channel->label));
        }
    }

  /* The demo content has backoffice lines; otherwise this test could not fail. */
  g_test_message ("%u services, %u staff-only values and labels", g_hash_table_size (all_services),
                  secrets->len);
  g_assert_cmpuint (secrets->len, >=, 2);

  assert_no_secret_shown (&walk);

  events = baken_catalog_get_life_events (catalog, NULL, "nl", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < events->len; i++)
    walk_event (&walk, g_ptr_array_index (events, i), "home");

  /* Every service was visited. */
  g_test_message ("%u screens checked", walk.n_screens);
  g_assert_cmpuint (g_hash_table_size (seen), ==, g_hash_table_size (all_services));

  ui_test_window_destroy (walk.window);
}

typedef struct
{
  const char *long_title;  /* of one tile among ten short ones */
  gboolean    scrolls;
} GridCase;

/* A grid of 11 tiles in a 1000 × 420 scroller, as Home holds it. Short words fit in some
 * layout without scrolling; a word too wide for every layout that fits the height makes
 * the grid take fewer, wider columns and scroll vertically: a word is never cut off or
 * drawn outside its tile. */
static void
test_tile_grid_fallback (gconstpointer data)
{
  const GridCase *grid_case = data;
  GtkWidget *window, *scroller, *grid;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkAdjustment *v;

  gtk_css_provider_load_from_data (css, "label { font-size: 40px; font-weight: bold; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 10);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 420);
  gtk_window_set_resizable (GTK_WINDOW (window), FALSE);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_window_set_child (GTK_WINDOW (window), scroller);
  grid = baken_tile_grid_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), grid);

  for (guint i = 0; i < 11; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = gtk_label_new (i == 4 ? grid_case->long_title : "Brief");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_widget_set_size_request (label, -1, 60);
      gtk_button_set_child (GTK_BUTTON (button), label);
      baken_tile_grid_append (BAKEN_TILE_GRID (grid), button);
      g_ptr_array_add (labels, label);
    }

  gtk_window_present (GTK_WINDOW (window));
  ui_test_run (300);

  g_assert_cmpint (gtk_widget_get_width (window), ==, 1000);
  g_assert_cmpint (gtk_widget_get_height (window), ==, 420);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);
      GtkWidget *button = gtk_widget_get_parent (label);
      graphene_rect_t bounds;
      int layout_w;

      pango_layout_get_pixel_size (gtk_label_get_layout (GTK_LABEL (label)), &layout_w, NULL);
      g_assert_cmpint (layout_w, <=, gtk_widget_get_width (label));
      g_assert_true (gtk_widget_compute_bounds (label, button, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >=, 0);
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (button) + 0.5);
      g_assert_true (gtk_widget_compute_bounds (button, grid, &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=,
                         gtk_widget_get_width (grid) + 0.5);
    }

  v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_test_message ("%u columns, %g px of content in %g px",
                  baken_tile_grid_get_columns (BAKEN_TILE_GRID (grid)),
                  gtk_adjustment_get_upper (v), gtk_adjustment_get_page_size (v));
  if (grid_case->scrolls)
    g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v) + 0.5);
  else
    g_assert_cmpfloat (gtk_adjustment_get_upper (v), <=, gtk_adjustment_get_page_size (v) + 0.5);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* A tap that restyles the whole window (contrast, text size, language) is answered in
 * one frame, and then the screen stays still: no colours fading for 200 ms, repainting
 * the window frame after frame (ui/style.css). Each look is shown once before, so its
 * icons are drawn already (they arrive from a worker thread, each with a frame). */
static void
test_still_after_tap (void)
{
  g_autoptr(BakenConfig) config = ui_test_config_new (NULL);
  BakenWindow *window = ui_test_window_new (config, FALSE, 1.0, 1080, 1920);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  struct { const char *action; const char *there; const char *back; } taps[] = {
    { "a11y.high-contrast", NULL, NULL },
    { "a11y.text-size", "2", "0" },
    { "kiosk.language", "'en'", "'nl'" },
  };
  guint frames = 0;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);

  for (guint i = 0; i < G_N_ELEMENTS (taps); i++)
    {
      for (guint round = 0; round < 3; round++)
        {
          const char *target = round % 2 == 0 ? taps[i].there : taps[i].back;
          GVariant *parameter = target != NULL ? g_variant_new_parsed (target) : NULL;

          g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window),
                                                             taps[i].action, parameter));
          frames = 0;
          ui_test_run (600);
        }
      g_test_message ("%s: %u frames painted in 600 ms", taps[i].action, frames);
      g_assert_cmpuint (frames, >=, 1);
      g_assert_cmpuint (frames, <=, 2);
    }
  g_signal_handler_disconnect (clock, id);
  ui_test_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  static const GridCase grid_cases[] = {
    { "Brief niet begrepen", FALSE },
    { "Arbeidsongeschiktheidsverzekering", TRUE },
  };

  ui_test_init (&argc, &argv);

  g_test_add_data_func ("/ui/window/tile-grid/short-words-fit", &grid_cases[0],
                        test_tile_grid_fallback);
  g_test_add_data_func ("/ui/window/tile-grid/long-word-scrolls", &grid_cases[1],
                        test_tile_grid_fallback);

  g_test_add_data_func ("/ui/window/home-fits/portrait", &portrait, test_home_fits);
  g_test_add_data_func ("/ui/window/home-fits/landscape", &landscape, test_home_fits);

  {
    static const PathData paths[] = {
      { &portrait, "nl" },
      { &portrait, "en" },
      { &landscape, "nl" },
      { &landscape, "en" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autofree char *name = g_strdup_printf ("/ui/window/resident-path/%s/%s",
                                                 paths[i].size == &portrait ? "portrait"
                                                                            : "landscape",
                                                 paths[i].language);
        g_test_add_data_func (name, &paths[i], test_resident_path);
      }
  }

  g_test_add_func ("/ui/window/idle/reset", test_idle_reset);
  g_test_add_func ("/ui/window/idle/more-time", test_idle_more_time);
  g_test_add_func ("/ui/window/idle/at-rest", test_idle_at_rest);

  g_test_add_func ("/ui/window/no-staff-channels", test_no_staff_channels);
  g_test_add_func ("/ui/window/still-after-tap", test_still_after_tap);

  return g_test_run ();
}
