/* baken-handover-page.c: for staff — hand a resident over to a service, warmly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A warm handover: the clerk calls the receiving organisation on its backoffice number
 * while the resident is there, passes on what they need, and prints the resident's slip
 * with a note ("Afspraak di 14:00, vraag naar Petra"). The note lives in the on-screen
 * keyboard and, for the slip being printed, in the staff session's memory; it is never
 * logged or stored (tests/ui/test-staff.c looks for it everywhere after printing).
 */
#define G_LOG_DOMAIN "baken-handover-page"

#include "config.h"

#include "baken-handover-page.h"

#include <string.h>

#include <glib/gi18n.h>

#include "baken-bidi.h"
#include "baken-icon.h"
#include "baken-keyboard.h"
#include "baken-line.h"
#include "baken-open-badge.h"
#include "baken-service-card.h"

/* A note fits on a receipt in a few lines. */
#define NOTE_MAX_CHARS 140

struct _BakenHandoverPage
{
  BakenPage      parent_instance;

  char          *service_id;  /* (owned) */

  GtkWidget     *child;       /* the page above, the keyboard below */
  GtkLabel      *note;        /* the note as typed */
  BakenKeyboard *keyboard;    /* (unowned) */
};

G_DEFINE_FINAL_TYPE (BakenHandoverPage, baken_handover_page, BAKEN_TYPE_PAGE)

enum {
  PROP_0,
  PROP_SERVICE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One way to reach them now: the kind, its label, the value in large type. */
static GtkWidget *
channel_row (const BakenChannel *channel,
             BakenContext       *context)
{
  BakenConfig *config = baken_context_get_config (context);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *row = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 16);
  g_autofree char *value = baken_channel_dup_value_text (channel);
  g_autofree char *shown = baken_bidi_dup_value (value != NULL ? value : "");
  GtkWidget *icon = baken_icon_new (baken_channel_kind_get_icon_name (channel->kind), 48);

  gtk_box_append (GTK_BOX (box), baken_page_label_new (channel->label != NULL
                                             ? channel->label
                                             : baken_channel_kind_get_title (channel->kind),
                                             "channel-title"));
  gtk_box_append (GTK_BOX (box), baken_page_label_new (shown, "channel-value"));
  if (channel->is_staff)
    gtk_box_append (GTK_BOX (box), baken_page_label_new (_("Alleen voor medewerkers"), "staff-only"));
  gtk_box_append (GTK_BOX (box), baken_open_badge_new_row (channel->hours,
                                                           baken_context_get_clock (context),
                                                           config->holidays));
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  baken_line_append (BAKEN_LINE (row), icon);
  gtk_widget_set_hexpand (box, TRUE);
  baken_line_append (BAKEN_LINE (row), box);
  return row;
}

static void
note_changed_cb (BakenHandoverPage *self)
{
  const char *text = baken_keyboard_get_text (self->keyboard);

  gtk_label_set_label (self->note, *text != '\0' ? text : _("(geen notitie)"));
}

static void
print_clicked_cb (GtkButton         *button,
                  BakenHandoverPage *self)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));

  baken_staff_session_set_note (baken_context_get_staff (context),
                                baken_keyboard_get_text (self->keyboard));
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.open-handover-print", "s",
                              self->service_id);
}

static void
fill (BakenHandoverPage *self,
      GtkBox            *page)
{
  BakenContext *context = baken_page_get_context (BAKEN_PAGE (self));
  const char *language = baken_page_get_language (BAKEN_PAGE (self));
  g_autoptr(BakenService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *call, *needs, *note_box, *print;
  guint n_staff = 0;

  service = baken_catalog_get_service (baken_context_get_catalog (context), self->service_id,
                                       language, BAKEN_AUDIENCE_STAFF, &error);
  if (service == NULL)
    {
      g_message ("Cannot show the handover to %s: %s", self->service_id, error->message);
      gtk_box_append (page, baken_page_label_new (_("Dit kan nu niet worden getoond."), "page-title"));
      return;
    }

  title = g_strdup_printf (_("Doorverwijzen naar %s"), service->name);
  gtk_box_append (page, baken_page_label_new (service->organization_name, "overline"));
  gtk_box_append (page, baken_page_label_new (title, "page-title"));

  call = baken_page_section_new (page, _("Bel nu"));
  for (guint i = 0; i < service->channels->len; i++)
    {
      const BakenChannel *channel = g_ptr_array_index (service->channels, i);

      if (channel->is_staff)
        {
          gtk_box_append (GTK_BOX (call), channel_row (channel, context));
          n_staff++;
        }
    }
  if (n_staff == 0)
    {
      gtk_box_append (GTK_BOX (call),
                      baken_page_label_new (_("Geen nummer voor medewerkers. Gebruik het gewone nummer:"),
                                  "body"));
      for (guint i = 0; i < service->channels->len; i++)
        {
          const BakenChannel *channel = g_ptr_array_index (service->channels, i);

          if (channel->kind == BAKEN_CHANNEL_PHONE)
            {
              gtk_box_append (GTK_BOX (call), channel_row (channel, context));
              break;
            }
        }
    }

  needs = baken_page_section_new (page, _("Wat zij van u willen weten"));
  gtk_box_append (GTK_BOX (needs),
                  baken_page_label_new (service->handover != NULL
                              ? service->handover
                              : _("Hierover staat niets in de inhoud. Vraag het als u belt."),
                              "body"));

  note_box = baken_page_section_new (page, _("Notitie op het briefje (mag leeg blijven)"));
  self->note = GTK_LABEL (baken_page_label_new (_("(geen notitie)"), "handover-note"));
  gtk_box_append (GTK_BOX (note_box), GTK_WIDGET (self->note));
  gtk_box_append (GTK_BOX (note_box),
                  baken_page_label_new (_("Zet er geen gegevens van de inwoner op: geen naam, geen "
                                "nummer. Het briefje is van de inwoner."), "dim-note"));

  print = gtk_button_new_with_label (_("Verwijzing printen"));
  gtk_widget_add_css_class (print, "big-action");
  gtk_widget_set_halign (print, GTK_ALIGN_START);
  g_signal_connect (print, "clicked", G_CALLBACK (print_clicked_cb), self);
  gtk_box_append (page, print);
}

static void
baken_handover_page_constructed (GObject *object)
{
  BakenHandoverPage *self = BAKEN_HANDOVER_PAGE (object);
  BakenContext *context;
  GtkWidget *scroller, *page, *keyboard;

  G_OBJECT_CLASS (baken_handover_page_parent_class)->constructed (object);

  g_assert (self->service_id != NULL);
  context = baken_page_get_context (BAKEN_PAGE (self));
  /* A new handover starts without the note of the one before. */
  baken_staff_session_set_note (baken_context_get_staff (context), NULL);

  self->child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 16);
  page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_add_css_class (page, "status-page");

  /* The clerk types in Dutch, whatever the resident's language. */
  keyboard = baken_keyboard_new ("nl");
  self->keyboard = BAKEN_KEYBOARD (keyboard);
  baken_keyboard_set_max_chars (self->keyboard, NOTE_MAX_CHARS);

  fill (self, GTK_BOX (page));
  if (self->note != NULL)
    g_signal_connect_object (keyboard, "notify::text", G_CALLBACK (note_changed_cb), self,
                             G_CONNECT_SWAPPED);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), page);
  gtk_box_append (GTK_BOX (self->child), scroller);
  gtk_box_append (GTK_BOX (self->child), keyboard);
  gtk_widget_set_parent (self->child, GTK_WIDGET (self));
}

static void
baken_handover_page_dispose (GObject *object)
{
  BakenHandoverPage *self = BAKEN_HANDOVER_PAGE (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (baken_handover_page_parent_class)->dispose (object);
}

static void
baken_handover_page_finalize (GObject *object)
{
  BakenHandoverPage *self = BAKEN_HANDOVER_PAGE (object);

  g_free (self->service_id);

  G_OBJECT_CLASS (baken_handover_page_parent_class)->finalize (object);
}

static void
baken_handover_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BakenHandoverPage *self = BAKEN_HANDOVER_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_ID:
      self->service_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_handover_page_class_init (BakenHandoverPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_handover_page_constructed;
  object_class->dispose = baken_handover_page_dispose;
  object_class->finalize = baken_handover_page_finalize;
  object_class->set_property = baken_handover_page_set_property;

  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL, NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "handoverpage");
}

static void
baken_handover_page_init (BakenHandoverPage *self)
{
}

GtkWidget *
baken_handover_page_new (BakenContext *context,
                         const char   *language,
                         const char   *service_id)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  return g_object_new (BAKEN_TYPE_HANDOVER_PAGE,
                       "context", context,
                       "language", language,
                       "service-id", service_id,
                       NULL);
}

const char *
baken_handover_page_get_note (BakenHandoverPage *self)
{
  g_return_val_if_fail (BAKEN_IS_HANDOVER_PAGE (self), NULL);

  return baken_keyboard_get_text (self->keyboard);
}

gboolean
baken_handover_page_press_key (BakenHandoverPage *self,
                               guint              keyval,
                               GdkModifierType    state)
{
  guint32 c = gdk_keyval_to_unicode (keyval);
  g_autofree char *text = NULL;
  const char *now;

  g_return_val_if_fail (BAKEN_IS_HANDOVER_PAGE (self), FALSE);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return FALSE;

  now = baken_keyboard_get_text (self->keyboard);
  if (keyval == GDK_KEY_BackSpace)
    {
      const char *last = *now != '\0' ? g_utf8_find_prev_char (now, now + strlen (now)) : NULL;

      if (last == NULL)
        return FALSE;
      text = g_strndup (now, last - now);
    }
  else if (c >= 0x20 && g_unichar_isprint (c))
    {
      char utf8[7] = { 0 };

      g_unichar_to_utf8 (c, utf8);
      text = g_strconcat (now, utf8, NULL);
    }
  else
    return FALSE;

  baken_keyboard_set_text (self->keyboard, text);
  return TRUE;
}
