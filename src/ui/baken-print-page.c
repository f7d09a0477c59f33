/* baken-print-page.c: the slip before it prints, while it prints, and after
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One page, four states in a stack:
 *
 *   preview   the slip as it will print (drawn in a worker thread), the big Print button
 *   printing  a spinner while the printer works (in a worker thread: the UI never waits)
 *   done      "Neem uw briefje uit de printer"; the whole page is a button to Home
 *   failed    why, in one plain sentence, "ask at the desk", and the slip's QR code large
 *
 * The printer is checked as soon as the preview has been painted, so a known fault (no
 * paper, cupsd down, …) shows before the resident taps Print; the slip is drawn from then
 * too, so neither worker thread slows the frame that shows the page. Leaving the page —
 * Back, Home, another language, the idle reset — cancels whatever it started; the
 * printer then cancels a job that was already sent, so a slip never comes out for the
 * next person.
 */
#define G_LOG_DOMAIN "baken-print-page"

#include "config.h"

#include "baken-print-page.h"

#include <glib/gi18n.h>

#include "baken-after-paint.h"
#include "baken-columns.h"
#include "baken-feedback.h"
#include "baken-hours.h"
#include "baken-icon.h"
#include "baken-line.h"
#include "baken-print-slip.h"
#include "baken-slip-picture.h"
#include "baken-slip-render.h"
#include "baken-speakable.h"
#include "baken-speech-text.h"

/* Preview scale per paper: a receipt is drawn 640 px wide, a page about 840 px. */
#define RECEIPT_PIXELS_PER_MM 8.0
#define PAGE_PIXELS_PER_MM    4.0

/* The QR code on the failure screen: big enough for any phone at arm's length. */
#define QR_TARGET_PX 480
#define QR_MIN_MODULE_PX 4

struct _BakenPrintPage
{
  BakenPage        parent_instance;

  /* Inputs */
  char            *service_id;   /* (owned) */
  char            *event_id;     /* (owned) (nullable) */
  gboolean         handover;     /* staff's "Doorverwijzen": the note box on the slip */

  /* State */
  BakenSlip       *slip;         /* (owned) (nullable) */
  GCancellable    *cancellable;  /* (owned) everything the page started */
  GCancellable    *check;        /* (owned) the check when the preview opens */
  BakenPrintState  print_state;
  gboolean         preview_ready;

  /* Template children */
  GtkStack        *stack;
  GtkBox          *done_feedback;
  GtkBox          *preview_layout;
  GtkWidget       *print_button;
  GtkSpinner      *preview_spinner;
  GtkPicture      *preview;
  GtkAspectFrame  *preview_frame;
  GtkSpinner      *printing_spinner;
  GtkLabel        *failure_message;
  GtkWidget       *ask_line;       /* "Vraag het aan de medewerker": not at the desk */
  GtkWidget       *qr_box;
  GtkImage        *qr;
};

static void baken_print_page_speakable_init (BakenSpeakableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BakenPrintPage, baken_print_page, BAKEN_TYPE_PAGE,
                               G_IMPLEMENT_INTERFACE (BAKEN_TYPE_SPEAKABLE,
                                                      baken_print_page_speakable_init))

enum {
  PROP_0,
  PROP_SERVICE_ID,
  PROP_EVENT_ID,
  PROP_HANDOVER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BakenPrinter *
get_printer (BakenPrintPage *self)
{
  return baken_context_get_printer (baken_page_get_context (BAKEN_PAGE (self)));
}

static void
show_state (BakenPrintPage *self,
            const char     *state)
{
  gboolean printing = g_str_equal (state, "printing");

  gtk_stack_set_visible_child_name (self->stack, state);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "print.start",
                                 g_str_equal (state, "preview") && self->slip != NULL);
  if (printing)
    gtk_spinner_start (self->printing_spinner);
  else
    gtk_spinner_stop (self->printing_spinner);

  baken_speakable_changed (BAKEN_SPEAKABLE (self));
}

/* The preview reads the slip itself, not the picture of it: what it says, then the
 * button. Printing, printed and failed read what they show. */
static char *
baken_print_page_dup_speech_text (BakenSpeakable *speakable)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (speakable);
  g_autoptr(GString) speech = NULL;
  g_autofree char *slip = NULL;

  if (self->slip == NULL || g_strcmp0 (baken_print_page_get_state (self), "preview") != 0)
    return baken_speakable_collect_text (GTK_WIDGET (self));

  speech = g_string_new (NULL);
  baken_speech_text_append (speech, _("Zo ziet uw briefje eruit"));
  slip = baken_speech_text_slip (self->slip);
  g_string_append (speech, slip);
  baken_speech_text_append (speech, _("Printen"));

  return g_string_free (g_steal_pointer (&speech), FALSE);
}

static void
baken_print_page_speakable_init (BakenSpeakableInterface *iface)
{
  iface->dup_speech_text = baken_print_page_dup_speech_text;
}

static void
show_failure (BakenPrintPage  *self,
              BakenPrintState  state)
{
  g_autoptr(GdkTexture) qr = NULL;
  g_autoptr(GError) error = NULL;

  if (state == BAKEN_PRINT_STATE_OK)
    state = BAKEN_PRINT_STATE_FAILED;
  self->print_state = state;

  gtk_label_set_label (self->failure_message, baken_print_state_get_message (state));

  if (self->slip != NULL && self->slip->qr_url != NULL)
    {
      qr = baken_slip_picture_render_qr (self->slip->qr_url, QR_TARGET_PX,
                                         QR_MIN_MODULE_PX, &error);
      if (qr == NULL)
        g_message ("No QR code for %s: %s", self->slip->qr_url, error->message);
    }
  /* A GtkImage, not a GtkPicture: a picture grows with the width of its column (at
   * the largest text past the screen), an image stays at its pixel size, drawn 1:1. */
  gtk_image_set_from_paintable (self->qr, GDK_PAINTABLE (qr));
  if (qr != NULL)
    gtk_image_set_pixel_size (self->qr, gdk_texture_get_width (qr));
  gtk_widget_set_visible (self->qr_box, qr != NULL);

  show_state (self, "failed");
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
preview_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BakenPrintPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;

  surface = baken_slip_render_image_finish (result, &error);
  if (surface == NULL)
    {
      if (!is_cancelled (error))
        {
          g_message ("Cannot draw the slip of %s: %s", self->service_id, error->message);
          gtk_spinner_stop (self->preview_spinner);
        }
      return;
    }

  texture = baken_slip_picture_texture_for_surface (surface);
  cairo_surface_destroy (surface);

  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  gtk_aspect_frame_set_ratio (self->preview_frame,
                              (float) gdk_texture_get_width (texture) /
                              (float) MAX (gdk_texture_get_height (texture), 1));
  gtk_widget_set_visible (GTK_WIDGET (self->preview_frame), TRUE);
  gtk_spinner_stop (self->preview_spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner), FALSE);
  self->preview_ready = TRUE;
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(BakenPrintPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (baken_printer_check_finish (BAKEN_PRINTER (source), result, &error) || is_cancelled (error))
    return;

  g_message ("The printer is not ready: %s", error->message);
  /* A known fault shows before they tap Print, not after. */
  if (g_strcmp0 (baken_print_page_get_state (self), "preview") == 0)
    show_failure (self, baken_print_state_from_error (error));
}

static void
submitted_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BakenPrintPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (baken_printer_submit_finish (BAKEN_PRINTER (source), result, &error))
    {
      g_info ("Printed the slip of %s", self->service_id);
      baken_context_record_print (baken_page_get_context (BAKEN_PAGE (self)),
                                  BAKEN_PRINT_STATE_OK, self->handover);
      /* A resident's slip: the ways of contact it carries, and did it help. */
      if (!self->handover)
        {
          GtkWidget *helped = baken_feedback_new (baken_page_get_context (BAKEN_PAGE (self)),
                                                  BAKEN_FEEDBACK_HELPED, self->service_id);

          baken_context_count_slip_channels (baken_page_get_context (BAKEN_PAGE (self)),
                                             self->service_id);
          gtk_widget_set_halign (helped, GTK_ALIGN_CENTER);
          gtk_box_append (self->done_feedback, helped);
        }
      show_state (self, "done");
      return;
    }

  if (is_cancelled (error))
    return;

  g_message ("Printing the slip of %s failed: %s", self->service_id, error->message);
  baken_context_record_print (baken_page_get_context (BAKEN_PAGE (self)),
                              baken_print_state_from_error (error), self->handover);
  show_failure (self, baken_print_state_from_error (error));
}

static void
pdf_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BakenPrintPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;

  pdf = baken_slip_render_pdf_finish (result, &error);
  if (pdf == NULL)
    {
      if (is_cancelled (error))
        return;
      g_message ("Cannot draw the slip of %s: %s", self->service_id, error->message);
      show_failure (self, BAKEN_PRINT_STATE_FAILED);
      return;
    }

  baken_printer_submit_async (get_printer (self), pdf, self->cancellable, submitted_cb,
                              g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (widget);
  BakenConfig *config = baken_context_get_config (baken_page_get_context (BAKEN_PAGE (self)));

  if (self->slip == NULL || g_strcmp0 (baken_print_page_get_state (self), "preview") != 0)
    return;

  /* The submit checks the printer again itself. */
  g_cancellable_cancel (self->check);
  show_state (self, "printing");
  baken_slip_render_pdf_async (self->slip, config->paper, self->cancellable, pdf_ready_cb,
                               g_object_ref (self));
}

/* Once the page has been painted (baken-after-paint.c): the slip drawn, the printer
 * checked. The spinner shows until the slip is ready. */
static void
start_preview (GtkWidget *widget)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (widget);
  BakenConfig *config = baken_context_get_config (baken_page_get_context (BAKEN_PAGE (self)));

  baken_slip_render_image_async (self->slip, config->paper,
                                 config->paper == BAKEN_PAPER_RECEIPT_80MM
                                 ? RECEIPT_PIXELS_PER_MM : PAGE_PIXELS_PER_MM,
                                 self->cancellable, preview_ready_cb, g_object_ref (self));
  baken_printer_check_async (get_printer (self), self->check, checked_cb, g_object_ref (self));
}

static void
baken_print_page_constructed (GObject *object)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (object);
  g_autoptr(GError) error = NULL;

  G_OBJECT_CLASS (baken_print_page_parent_class)->constructed (object);

  g_assert (self->service_id != NULL);
  /* At the desk the clerk is the person one would ask. */
  gtk_widget_set_visible (self->ask_line,
                          !baken_context_get_desk (baken_page_get_context (BAKEN_PAGE (self))));

  self->slip = baken_print_slip_build (baken_page_get_context (BAKEN_PAGE (self)),
                                      baken_page_get_language (BAKEN_PAGE (self)),
                                      self->service_id, self->event_id, self->handover,
                                      &error);
  if (self->slip == NULL)
    {
      g_message ("Cannot make a slip for %s: %s", self->service_id, error->message);
      show_failure (self, BAKEN_PRINT_STATE_FAILED);
      return;
    }

  show_state (self, "preview");
  baken_after_paint (GTK_WIDGET (self), start_preview);
}

/* In landscape the Print button stands beside the slip, which gets the full height.
 * A kiosk screen does not turn, and every step builds its page anew. */
static void
baken_print_page_root (GtkWidget *widget)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (widget);
  GtkWidget *window;
  int width, height;
  gboolean wide;

  GTK_WIDGET_CLASS (baken_print_page_parent_class)->root (widget);

  window = GTK_WIDGET (gtk_widget_get_root (widget));
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  if ((width <= 0 || height <= 0) && GTK_IS_WINDOW (window))
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  wide = width > height;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->preview_layout),
                                  wide ? GTK_ORIENTATION_HORIZONTAL : GTK_ORIENTATION_VERTICAL);
  gtk_widget_set_valign (self->print_button, wide ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
}

/* Out of the window (Back, Home, language, idle reset): stop everything. */
static void
baken_print_page_unroot (GtkWidget *widget)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (widget);

  g_cancellable_cancel (self->check);
  g_cancellable_cancel (self->cancellable);

  GTK_WIDGET_CLASS (baken_print_page_parent_class)->unroot (widget);
}

static void
baken_print_page_dispose (GObject *object)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->check);
  g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), BAKEN_TYPE_PRINT_PAGE);
  /* Unnamed template children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (baken_print_page_parent_class)->dispose (object);
}

static void
baken_print_page_finalize (GObject *object)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (object);

  g_clear_pointer (&self->slip, baken_slip_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->check);
  g_free (self->service_id);
  g_free (self->event_id);

  G_OBJECT_CLASS (baken_print_page_parent_class)->finalize (object);
}

static void
baken_print_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BakenPrintPage *self = BAKEN_PRINT_PAGE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_ID:
      self->service_id = g_value_dup_string (value);
      break;

    case PROP_HANDOVER:
      self->handover = g_value_get_boolean (value);
      break;

    case PROP_EVENT_ID:
      self->event_id = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
baken_print_page_class_init (BakenPrintPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = baken_print_page_constructed;
  object_class->dispose = baken_print_page_dispose;
  object_class->finalize = baken_print_page_finalize;
  object_class->set_property = baken_print_page_set_property;

  widget_class->root = baken_print_page_root;
  widget_class->unroot = baken_print_page_unroot;

  properties[PROP_SERVICE_ID] =
    g_param_spec_string ("service-id", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_EVENT_ID] =
    g_param_spec_string ("event-id", NULL, NULL,
                         NULL,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_HANDOVER] =
    g_param_spec_boolean ("handover", NULL, NULL, FALSE,
                          (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                           G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/baken/Kiosk/ui/baken-print-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, done_feedback);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, preview_layout);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, print_button);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, preview);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, preview_frame);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, printing_spinner);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, failure_message);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, ask_line);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, qr_box);
  gtk_widget_class_bind_template_child (widget_class, BakenPrintPage, qr);

  gtk_widget_class_install_action (widget_class, "print.start", NULL, start_action);

  gtk_widget_class_set_css_name (widget_class, "printpage");
}

static void
baken_print_page_init (BakenPrintPage *self)
{
  g_type_ensure (BAKEN_TYPE_COLUMNS);
  g_type_ensure (BAKEN_TYPE_ICON);
  g_type_ensure (BAKEN_TYPE_LINE);

  self->cancellable = g_cancellable_new ();
  self->check = g_cancellable_new ();
  self->print_state = BAKEN_PRINT_STATE_OK;

  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
baken_print_page_new (BakenContext *context,
                      const char   *language,
                      const char   *service_id,
                      const char   *event_id)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  return g_object_new (BAKEN_TYPE_PRINT_PAGE,
                       "context", context,
                       "language", language,
                       "service-id", service_id,
                       "event-id", event_id,
                       NULL);
}

const char *
baken_print_page_get_state (BakenPrintPage *self)
{
  g_return_val_if_fail (BAKEN_IS_PRINT_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

BakenPrintState
baken_print_page_get_print_state (BakenPrintPage *self)
{
  g_return_val_if_fail (BAKEN_IS_PRINT_PAGE (self), BAKEN_PRINT_STATE_OK);

  return self->print_state;
}

BakenSlip *
baken_print_page_get_slip (BakenPrintPage *self)
{
  g_return_val_if_fail (BAKEN_IS_PRINT_PAGE (self), NULL);

  return self->slip;
}

gboolean
baken_print_page_get_preview_ready (BakenPrintPage *self)
{
  g_return_val_if_fail (BAKEN_IS_PRINT_PAGE (self), FALSE);

  return self->preview_ready;
}

GtkWidget *
baken_print_page_new_handover (BakenContext *context,
                               const char   *language,
                               const char   *service_id)
{
  g_return_val_if_fail (BAKEN_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (language != NULL, NULL);
  g_return_val_if_fail (service_id != NULL, NULL);

  return g_object_new (BAKEN_TYPE_PRINT_PAGE,
                       "context", context,
                       "language", language,
                       "service-id", service_id,
                       "handover", TRUE,
                       NULL);
}
