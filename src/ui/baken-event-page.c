/* baken-event-page.c: one question and the situations to choose from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Wat past het best bij u?" (or the event's own question) with one big button per
 * sub-situation. When the event also lists services of its own, a last button leads
 * to them, so "none of these" is never a dead end.
 */
#define G_LOG_DOMAIN "baken-event-page"

#include "config.h"

#include "baken-event-page.h"

#include <glib/gi18n.h>

#include "baken-clamp.h"
#include "baken-columns.h"
#include "baken-controls.h"
#include "baken-icon.h"
#include "baken-line.h"

struct _BakenEventPage
{
  BakenPage     parent_instance;

  /* Inputs */
  char         *event_id;  /* (owned) */

  /* Template children */
  GtkLabel     *overline;
  GtkLabel     *title;
  GtkLabel     *body;
  BakenColumns *choices;
};

G_DEFINE_FINAL_TYPE (BakenEventPage, baken_event_page, BAKEN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_EVENT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_choice (GBytes     *svg,
               const char *icon_name,
               const char *title,
               const char *summary,
               guint       dutch,
               const char *action,
               const char *target)
{
  GtkWidget *button, *box, *text, *label, *icon = NULL;

  button = gtk_button_new ();
  gtk_widget_add_css_class (button, "choice");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", target);

  /* Icon and text centred in the row by the row, not by their valign
   * (baken-line-layout.c). */
  box = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 24);
  g_object_set (box, "center", TRUE, NULL);
  gtk_button_set_child (GTK_BUTTON (button), box);

  if (svg != NULL)
    icon = baken_icon_new_for_svg (svg, 80);
  else if (icon_name != NULL)
    icon = baken_icon_new (icon_name, 80);
  if (icon != NULL)
    baken_line_append (BAKEN_LINE (box), icon);

  text = baken_line_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (text, TRUE);
  baken_line_append (BAKEN_LINE (box), text);

  label = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "choice-title");
  if (dutch & BAKEN_LIFE_EVENT_DUTCH_TITLE)
    baken_controls_set_language (label, "nl");
  baken_line_append (BAKEN_LINE (text), label);

  if (summary != NULL)
    {
      label = gtk_label_new (summary);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "choice-summary");
      if (dutch & BAKEN_LIFE_EVENT_DUTCH_SUMMARY)
        baken_controls_set_language (label, "nl");
      baken_line_append (BAKEN_LINE (text), label);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (summary != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                    -1);

  return button;
}

static void
append_choice (BakenEventPage *self,
               GtkWidget      *button)
{
  baken_columns_append (self->choices, button);
}

static void
show_error (BakenEventPage *self,
            const GError   *error)
{
  g_warning ("Cannot show life event %s: %s", self->event_id, error->message);
  gtk_label_set_label (self->title,
                       _("Dit kan nu niet worden getoond. Vraag het aan de medewerker "
                         "bij de balie."));
}

static void
fill (BakenEventPage *self)
{
  BakenPage *page = BAKEN_PAGE (self);
  BakenCatalog *catalog = baken_context_get_catalog (baken_page_get_context (page));
  const char *language = baken_page_get_language (page);
  g_autoptr(BakenLifeEvent) event = NULL;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;

  event = baken_catalog_get_life_event (catalog, self->event_id, language, &error);
  if (event == NULL)
    {
      show_error (self, error);
      return;
    }

  children = baken_catalog_get_life_events (catalog, event->id, language, &error);
  if (children == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_label_set_label (self->overline, event->title);
  gtk_label_set_label (self->title,
                       event->question != NULL ? event->question
                       /* Translators: the default question above the sub-situations */
                       : _("Wat past het best bij u?"));
  if (event->body != NULL)
    {
      gtk_label_set_label (self->body, event->body);
      gtk_widget_set_visible (GTK_WIDGET (self->body), TRUE);
    }

  for (guint i = 0; i < children->len; i++)
    {
      BakenLifeEvent *child = g_ptr_array_index (children, i);
      g_autoptr(GBytes) svg = NULL;

      if (child->icon != NULL)
        svg = baken_catalog_get_icon (catalog, child->icon);

      append_choice (self, create_choice (svg, NULL, child->title, child->summary,
                                          child->dutch, "kiosk.open-event", child->id));
    }

  if (event->n_services > 0)
    append_choice (self,
                   create_choice (NULL, "desk",
                                  /* Translators: the last choice when no sub-situation fits */
                                  _("Iets anders"),
                                  /* Translators: under "Iets anders" */
                                  _("Bekijk wie u verder kan helpen."),
                                  0, "kiosk.open-services", event->id));
}

static void
baken_event_page_constructed (GObject *object)
{
  BakenEventPage *self = BAKEN_EVENT_PAGE (object);

  G_OBJECT_CLASS (baken_event_page_parent_class)->constructed (object);

  g_assert (self->event_id != NULL);
  fill (self);
}

static void
baken_event_page_dispose (GObject *object)
{
  BakenEventPage *self = BAKEN_EVENT_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_EVENT_PAGE);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_event_page_parent_class)->dispose (object);
}

static void
baken_event_page_finalize (GObject *object)
{
  BakenEventPage *self = BAKEN_EVENT_PAGE (object);

  g_free (self->event_id);

  G_OBJECT_CLASS (baken_event_page_parent_class)->finalize (object);
}

static void
baken_event_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BakenEventPage *self = BAKEN_EVENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_event_page_class_init (BakenEventPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_event_page_constructed;
  object_class->dispose = baken_event_page_dispose;
  object_class->finalize = baken_event_page_finalize;
  object_class->set_property = baken_event_page_set_property;

  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-event-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenEventPage, overline);
  gtk_widget_class_bind_template_child (widget_class, BakenEventPage, title);
  gtk_widget_class_bind_template_child (widget_class, BakenEventPage, body);
  gtk_widget_class_bind_template_child (widget_class, BakenEventPage, choices);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "eventpage");
}

static void
baken_event_page_init (BakenEventPage *self)
{
  g_type_ensure (BAKEN_TYPE_CLAMP);
  g_type_ensure (BAKEN_TYPE_COLUMNS);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_event_page_new (BakenContext *context,
                      const char   *language,
                      const char   *event_id)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (event_id != NULL, NULL);

  return g_object_new (BAKEN_TYPE_EVENT_PAGE,
                       "context", context,
                       "language", language,
                       "event-id", event_id,
                       NULL);
}
