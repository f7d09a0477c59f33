/* baken-search-page.c: search with the on-screen keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What was typed, the results as one types (life events first, then services: each a
 * big button that activates kiosk.open-event or kiosk.open-service, built by
 * baken-search-results.c), and the keyboard.
 * In portrait the keyboard sits in the lower part of the screen with the results above
 * it; on a wide screen it stands to the side of the results, at the bottom.
 *
 * Zero results is not a dead end: the page says so kindly, shows the way to a person
 * and suggests the closest life events.
 *
 * Organisations found by search are not shown on their own: there is no screen for an
 * organisation, and the search finds its services by the organisation's name too (their
 * search text holds it), with the name under each service.
 */
#define G_LOG_DOMAIN "baken-search-page"

#include "config.h"

#include "baken-search-page.h"

#include <glib/gi18n.h>

#include "baken-desk-hint.h"
#include "baken-icon.h"
#include "baken-search.h"
#include "baken-search-results.h"

/* From this width the keyboard stands beside the results instead of below them. */
#define SIDE_BY_SIDE_WIDTH 1400
#define COLUMN_SPACING     40
#define ROW_SPACING        24

struct _BakenSearchPage
{
  BakenPage          parent_instance;

  /* Inputs */
  char              *initial_text;   /* (owned) (nullable) until constructed */

  /* Template children */
  GtkWidget         *results_column;
  GtkLabel          *text_label;
  GtkWidget         *caret;
  GtkWidget         *placeholder;
  GtkLabel          *status;
  GtkScrolledWindow *scroller;
  GtkBox            *results;

  /* Built in constructed() */
  BakenKeyboard     *keyboard;       /* (unowned) child */
};

G_DEFINE_FINAL_TYPE (BakenSearchPage, baken_search_page, BAKEN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_results (BakenSearchPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))))
    gtk_box_remove (self->results, child);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
set_status (BakenSearchPage *self,
            const char      *text)
{
  gtk_label_set_label (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL);
}

static void
show_failure (BakenSearchPage *self,
              const GError    *error)
{
  g_warning ("Cannot search: %s", error->message);
  clear_results (self);
  set_status (self,
              /* Translators: the content cannot be read; very rare */
              _("Zoeken lukt nu niet. Vraag het aan de medewerker bij de balie."));
}


static void
show_nothing_found (BakenSearchPage *self,
                    const char      *text)
{
  BakenCatalog *catalog = baken_context_get_catalog (baken_page_get_context (BAKEN_PAGE (self)));
  const char *language = baken_page_get_language (BAKEN_PAGE (self));
  g_autoptr(GPtrArray) suggestions = NULL;
  g_autoptr(GError) error = NULL;

  suggestions = baken_search_suggest_closest (catalog, text, language,
                                              BAKEN_SEARCH_PAGE_MAX_SUGGESTIONS, &error);
  if (suggestions == NULL)
    {
      show_failure (self, error);
      return;
    }

  set_status (self,
              /* Translators: the search found nothing; said kindly, not as an error */
              _("Daar vonden we niets voor."));

  /* The way to a person first: it stays in view above the keyboard (at the desk that
   * person is the clerk using the screen). */
  if (!baken_context_get_desk (baken_page_get_context (BAKEN_PAGE (self))))
    gtk_box_append (self->results, baken_desk_hint_new ());

  if (suggestions->len > 0)
    gtk_box_append (self->results,
                    baken_search_results_new_note (/* Translators: above suggested
                                                    * topics after a search that found
                                                    * nothing */
                                                   _("Misschien past een van deze onderwerpen:"),
                                                   "search-note"));

  for (guint i = 0; i < suggestions->len; i++)
    gtk_box_append (self->results,
                    baken_search_results_new_button (catalog,
                                                     g_ptr_array_index (suggestions, i),
                                                     "search-suggestion"));
}

static void
update (BakenSearchPage *self)
{
  BakenCatalog *catalog = baken_context_get_catalog (baken_page_get_context (BAKEN_PAGE (self)));
  const char *text = baken_keyboard_get_text (self->keyboard);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) ordered = NULL;
  g_autoptr(GError) error = NULL;
  gboolean empty = *text == '\0';

  gtk_label_set_label (self->text_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->text_label), !empty);
  gtk_widget_set_visible (self->placeholder, empty);

  clear_results (self);

  if (g_utf8_strlen (stripped, -1) < 2)
    {
      /* One letter matches too much to help: wait for the second. */
      set_status (self, empty
                  /* Translators: on the search screen before anything is typed */
                  ? _("Tik op de letters. Bijvoorbeeld: huur, schulden of brief.")
                  /* Translators: on the search screen after one letter */
                  : _("Typ nog een letter."));
      return;
    }

  /* No content yet (a new kiosk whose first bundle is still on its way). */
  if (catalog == NULL)
    {
      set_status (self, _("Zoeken lukt nu niet. Vraag het aan de medewerker bij de balie."));
      return;
    }

  results = baken_search_run (catalog, text, baken_page_get_language (BAKEN_PAGE (self)),
                              BAKEN_SEARCH_PAGE_MAX_RESULTS, &error);
  if (results == NULL)
    {
      show_failure (self, error);
      return;
    }

  ordered = baken_search_results_order (results);
  if (ordered->len == 0)
    {
      show_nothing_found (self, text);
      return;
    }

  /* Translators: above the search results */
  set_status (self, _("Dit hebben we gevonden:"));
  for (guint i = 0; i < ordered->len; i++)
    gtk_box_append (self->results,
                    baken_search_results_new_button (catalog, g_ptr_array_index (ordered, i),
                                                     "search-result"));
}

static void
keyboard_text_changed_cb (BakenSearchPage *self)
{
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static gboolean
is_wide (int width)
{
  return width >= SIDE_BY_SIDE_WIDTH;
}

static int
keyboard_width (int width)
{
  return (width - COLUMN_SPACING) * 55 / 100;
}

static void
baken_search_page_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  BakenSearchPage *self = BAKEN_SEARCH_PAGE (widget);
  GtkWidget *column = self->results_column;
  GtkWidget *keys = GTK_WIDGET (self->keyboard);
  int column_min, column_nat, keys_min, keys_nat;

  if (keys == NULL)
    {
      gtk_widget_measure (column, orientation, for_size, minimum, natural, NULL, NULL);
      return;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      gtk_widget_measure (column, orientation, -1, &column_min, &column_nat, NULL, NULL);
      gtk_widget_measure (keys, orientation, -1, &keys_min, &keys_nat, NULL, NULL);
      *minimum = MAX (column_min, keys_min);
      *natural = MAX (column_nat, keys_nat);
    }
  else if (for_size > 0 && is_wide (for_size))
    {
      int keys_width = keyboard_width (for_size);

      gtk_widget_measure (column, orientation, for_size - keys_width - COLUMN_SPACING,
                          &column_min, &column_nat, NULL, NULL);
      gtk_widget_measure (keys, orientation, keys_width, &keys_min, &keys_nat, NULL, NULL);
      *minimum = MAX (column_min, keys_min);
      *natural = MAX (column_nat, keys_nat);
    }
  else
    {
      gtk_widget_measure (column, orientation, for_size, &column_min, &column_nat, NULL, NULL);
      gtk_widget_measure (keys, orientation, for_size, &keys_min, &keys_nat, NULL, NULL);
      /* GtkWindow takes its minimum height at its minimum width, where the keyboard
       * goes below the results: asking for both stacked there would make a wide
       * window taller than its screen. The minimum is what side by side needs; on a
       * narrow screen too short for both, the results get what is left. */
      *minimum = MAX (column_min, keys_min);
      *natural = column_nat + ROW_SPACING + keys_nat;
    }
}

static void
baken_search_page_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  BakenSearchPage *self = BAKEN_SEARCH_PAGE (widget);
  GtkWidget *keys = GTK_WIDGET (self->keyboard);
  GskTransform *transform;
  int keys_height, keys_min, keys_width;

  if (keys == NULL)
    {
      gtk_widget_allocate (self->results_column, width, height, -1, NULL);
      return;
    }

  if (is_wide (width))
    {
      gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
      int column_width;

      keys_width = keyboard_width (width);
      column_width = width - keys_width - COLUMN_SPACING;
      gtk_widget_measure (keys, GTK_ORIENTATION_VERTICAL, keys_width, &keys_min, &keys_height,
                          NULL, NULL);
      keys_height = CLAMP (keys_height, keys_min, height);

      /* The keyboard at the bottom, within reach; the results beside it. */
      transform = gsk_transform_translate (NULL,
                                           &GRAPHENE_POINT_INIT (rtl ? keys_width +
                                                                 COLUMN_SPACING : 0, 0));
      gtk_widget_allocate (self->results_column, column_width, height, -1, transform);
      transform = gsk_transform_translate (NULL,
                                           &GRAPHENE_POINT_INIT (rtl ? 0 : column_width +
                                                                 COLUMN_SPACING,
                                                                 height - keys_height));
      gtk_widget_allocate (keys, keys_width, keys_height, -1, transform);
    }
  else
    {
      gtk_widget_measure (keys, GTK_ORIENTATION_VERTICAL, width, &keys_min, &keys_height,
                          NULL, NULL);
      keys_height = CLAMP (keys_height, keys_min, MAX (height - ROW_SPACING, keys_min));

      gtk_widget_allocate (self->results_column, width,
                           MAX (height - keys_height - ROW_SPACING, 0), -1, NULL);
      transform = gsk_transform_translate (NULL,
                                           &GRAPHENE_POINT_INIT (0, height - keys_height));
      gtk_widget_allocate (keys, width, keys_height, -1, transform);
    }
}

static void
baken_search_page_constructed (GObject *object)
{
  BakenSearchPage *self = BAKEN_SEARCH_PAGE (object);
  GtkWidget *keyboard;

  G_OBJECT_CLASS (baken_search_page_parent_class)->constructed (object);

  keyboard = baken_keyboard_new (baken_page_get_language (BAKEN_PAGE (self)));
  gtk_widget_set_parent (keyboard, GTK_WIDGET (self));
  self->keyboard = BAKEN_KEYBOARD (keyboard);

  baken_keyboard_set_text (self->keyboard, self->initial_text);
  g_clear_pointer (&self->initial_text, g_free);
  update (self);

  g_signal_connect_object (keyboard, "notify::text",
                           G_CALLBACK (keyboard_text_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
baken_search_page_dispose (GObject *object)
{
  BakenSearchPage *self = BAKEN_SEARCH_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_SEARCH_PAGE);
  /* The keyboard, and unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  self->keyboard = NULL;

  G_OBJECT_CLASS (baken_search_page_parent_class)->dispose (object);
}

static void
baken_search_page_finalize (GObject *object)
{
  BakenSearchPage *self = BAKEN_SEARCH_PAGE (object);

  g_free (self->initial_text);

  G_OBJECT_CLASS (baken_search_page_parent_class)->finalize (object);
}

static void
baken_search_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BakenSearchPage *self = BAKEN_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, baken_search_page_get_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_search_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BakenSearchPage *self = BAKEN_SEARCH_PAGE (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      /* Construct-time only; afterwards the keys change it. */
      if (self->keyboard != NULL)
        baken_keyboard_set_text (self->keyboard, g_value_get_string (value));
      else
        self->initial_text = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_search_page_class_init (BakenSearchPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_search_page_constructed;
  object_class->dispose = baken_search_page_dispose;
  object_class->finalize = baken_search_page_finalize;
  object_class->get_property = baken_search_page_get_property;
  object_class->set_property = baken_search_page_set_property;

  widget_class->measure = baken_search_page_measure;
  widget_class->size_allocate = baken_search_page_size_allocate;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-search-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenSearchPage, results_column);
  gtk_widget_class_bind_template_child (widget_class, BakenSearchPage, text_label);
  gtk_widget_class_bind_template_child (widget_class, BakenSearchPage, caret);
  gtk_widget_class_bind_template_child (widget_class, BakenSearchPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, BakenSearchPage, status);
  gtk_widget_class_bind_template_child (widget_class, BakenSearchPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BakenSearchPage, results);

  gtk_widget_class_set_css_name (widget_class, "searchpage");
}

static void
baken_search_page_init (BakenSearchPage *self)
{
  g_type_ensure (BAKEN_TYPE_ICON);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_search_page_new (BakenContext *context,
                       const char   *language,
                       const char   *text)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);

  return g_object_new (BAKEN_TYPE_SEARCH_PAGE,
                       "context", context,
                       "language", language,
                       "text", text,
                       NULL);
}

const char *
baken_search_page_get_text (BakenSearchPage *self)
{
  g_return_val_if_fail (BAKEN_IS_SEARCH_PAGE (self), NULL);

  if (self->keyboard == NULL)
    return self->initial_text != NULL ? self->initial_text : "";

  return baken_keyboard_get_text (self->keyboard);
}

const char *
baken_search_page_get_status (BakenSearchPage *self)
{
  g_return_val_if_fail (BAKEN_IS_SEARCH_PAGE (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->status)) ? gtk_label_get_label (self->status)
                                                             : NULL;
}

GtkWidget *
baken_search_page_get_results (BakenSearchPage *self)
{
  g_return_val_if_fail (BAKEN_IS_SEARCH_PAGE (self), NULL);

  return GTK_WIDGET (self->results);
}

BakenKeyboard *
baken_search_page_get_keyboard (BakenSearchPage *self)
{
  g_return_val_if_fail (BAKEN_IS_SEARCH_PAGE (self), NULL);

  return self->keyboard;
}

/* Opens the first result, as a tap on it would. */
static gboolean
open_first_result (BakenSearchPage *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->results));

  for (; first != NULL; first = gtk_widget_get_next_sibling (first))
    {
      if (GTK_IS_ACTIONABLE (first) &&
          gtk_actionable_get_action_name (GTK_ACTIONABLE (first)) != NULL)
        break;
    }
  if (first == NULL)
    return FALSE;

  return gtk_widget_activate_action_variant (first,
                                             gtk_actionable_get_action_name (GTK_ACTIONABLE (first)),
                                             gtk_actionable_get_action_target_value (GTK_ACTIONABLE (first)));
}

gboolean
baken_search_page_press_key (BakenSearchPage *self,
                             guint            keyval,
                             GdkModifierType  state)
{
  GtkWidget *keyboard;
  gunichar c;
  char text[7] = { 0, };

  g_return_val_if_fail (BAKEN_IS_SEARCH_PAGE (self), FALSE);

  keyboard = GTK_WIDGET (self->keyboard);
  if (keyboard == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_HYPER_MASK |
                GDK_META_MASK)))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_BackSpace:
      return gtk_widget_activate_action (keyboard, "keyboard.backspace", NULL);

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      return open_first_result (self);

    default:
      break;
    }

  /* Letters in any script, digits (the keypad's too), punctuation and the space bar. */
  c = gdk_keyval_to_unicode (keyval);
  if (c == 0 || !g_unichar_isprint (c))
    return FALSE;
  g_unichar_to_utf8 (c, text);

  return gtk_widget_activate_action (keyboard, "keyboard.type", "s", text);
}

GtkWidget *
baken_search_button_new (void)
{
  GtkWidget *button, *box, *label;

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "search-button");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.search");

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), baken_icon_new ("search", 40));
  /* Translators: the button in the top bar that opens the search screen */
  label = gtk_label_new (_("Zoeken"));
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);

  /* A button with a box inside has no accessible name of its own. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoeken"),
                                  -1);

  return button;
}
