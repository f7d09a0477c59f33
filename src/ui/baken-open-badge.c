/* baken-open-badge.c: "Nu open tot 17:00", in words and colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "baken-open-badge"

#include "config.h"

#include "baken-open-badge.h"

#include "baken-icon.h"
#include "baken-line.h"
#include "baken-line-layout.h"

/* Never sleep longer than this: a day is the longest a badge's words stay right. */
#define MAX_SLEEP_S (24 * 60 * 60)

struct _BakenOpenBadge
{
  GtkWidget          parent_instance;

  /* Inputs */
  BakenSchedule     *schedule;   /* (owned) */
  BakenClock        *clock;      /* (owned) */
  BakenHolidayFlags  holidays;

  /* State */
  BakenOpenState     state;
  GtkWidget         *label;      /* (unowned) child */
  guint              timeout_id; /* the next change, while mapped */
  gulong             changed_id; /* BakenClock::changed, while mapped */
};

G_DEFINE_FINAL_TYPE (BakenOpenBadge, baken_open_badge, GTK_TYPE_WIDGET)

static void update (BakenOpenBadge *self);

static gboolean
timeout_cb (gpointer data)
{
  BakenOpenBadge *self = data;

  self->timeout_id = 0;
  update (self);

  return G_SOURCE_REMOVE;
}

static void
clock_changed_cb (BakenOpenBadge *self)
{
  update (self);
}

/* The next moment the words can change: an opening or closing, or local midnight
 * ("morgen" becomes "vandaag"). Seconds from now, at least 1. */
static gint64
seconds_to_next_change (const BakenOpenStatus *status,
                        GDateTime             *now)
{
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new (g_date_time_get_timezone (now),
                                                   g_date_time_get_year (tomorrow),
                                                   g_date_time_get_month (tomorrow),
                                                   g_date_time_get_day_of_month (tomorrow),
                                                   0, 0, 0);
  gint64 now_s = g_date_time_to_unix (now);
  gint64 next = now_s + MAX_SLEEP_S;

  if (midnight != NULL)
    next = MIN (next, g_date_time_to_unix (midnight));
  if (status->closes_at != NULL)
    next = MIN (next, g_date_time_to_unix (status->closes_at));
  if (status->opens_at != NULL)
    next = MIN (next, g_date_time_to_unix (status->opens_at));

  return MAX (next - now_s, 1);
}

/* Reads the clock, shows the status, and (while on screen) sleeps until the next
 * change: one timer, no polling. */
static void
update (BakenOpenBadge *self)
{
  g_auto(BakenOpenStatus) status = { 0, };
  g_autoptr(GDateTime) now = baken_clock_dup_now (self->clock);
  g_autofree char *text = NULL;
  static const char *const classes[] = { "open", "closed", "unknown" };
  const char *css_class;

  baken_schedule_get_status (self->schedule, now, self->holidays, &status);
  text = baken_open_status_format (&status, now);
  self->state = status.state;

  if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->label)), text) != 0)
    {
      gtk_label_set_label (GTK_LABEL (self->label), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
    }

  switch (status.state)
    {
    case BAKEN_OPEN_NOW:
      css_class = "open";
      break;
    case BAKEN_OPEN_LATER:
    case BAKEN_OPEN_NOT_SOON:
      css_class = "closed";
      break;
    case BAKEN_OPEN_UNKNOWN:
    default:
      css_class = "unknown";
      break;
    }
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    if (!g_str_equal (classes[i], css_class))
      gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), css_class);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && status.state != BAKEN_OPEN_UNKNOWN)
    {
      /* A little after the minute turns, so the clock has passed it. */
      gint64 seconds = seconds_to_next_change (&status, now);

      self->timeout_id = g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (seconds * 1000 + 50),
                                             timeout_cb, self, NULL);
      g_source_set_name_by_id (self->timeout_id, "[baken] open badge");
    }
}

static void
baken_open_badge_map (GtkWidget *widget)
{
  BakenOpenBadge *self = BAKEN_OPEN_BADGE (widget);

  GTK_WIDGET_CLASS (baken_open_badge_parent_class)->map (widget);

  self->changed_id = g_signal_connect_swapped (self->clock, "changed",
                                               G_CALLBACK (clock_changed_cb), self);
  /* Back on screen after a while (a page from the back stack): look again. */
  update (self);
}

static void
baken_open_badge_unmap (GtkWidget *widget)
{
  BakenOpenBadge *self = BAKEN_OPEN_BADGE (widget);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_signal_handler (&self->changed_id, self->clock);

  GTK_WIDGET_CLASS (baken_open_badge_parent_class)->unmap (widget);
}

static void
baken_open_badge_dispose (GObject *object)
{
  BakenOpenBadge *self = BAKEN_OPEN_BADGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->clock != NULL)
    g_clear_signal_handler (&self->changed_id, self->clock);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  g_clear_object (&self->clock);
  g_clear_pointer (&self->schedule, baken_schedule_unref);

  G_OBJECT_CLASS (baken_open_badge_parent_class)->dispose (object);
}

static void
baken_open_badge_class_init (BakenOpenBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = baken_open_badge_dispose;
  widget_class->map = baken_open_badge_map;
  widget_class->unmap = baken_open_badge_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, BAKEN_TYPE_LINE_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "openbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
baken_open_badge_init (BakenOpenBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *icon;

  baken_line_layout_set_spacing (BAKEN_LINE_LAYOUT (layout), 12);
  baken_line_layout_set_center (BAKEN_LINE_LAYOUT (layout), TRUE);

  icon = baken_icon_new ("clock", 32);
  gtk_widget_set_parent (icon, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
baken_open_badge_new (BakenSchedule     *schedule,
                      BakenClock        *clock,
                      BakenHolidayFlags  holidays)
{
  BakenOpenBadge *self;

  g_return_val_if_fail (schedule != NULL, NULL);
  g_return_val_if_fail (BAKEN_IS_CLOCK (clock), NULL);

  self = g_object_new (BAKEN_TYPE_OPEN_BADGE, NULL);
  self->schedule = baken_schedule_ref (schedule);
  self->clock = g_object_ref (clock);
  self->holidays = holidays;
  update (self);

  return GTK_WIDGET (self);
}

GtkWidget *
baken_open_badge_new_row (BakenSchedule     *schedule,
                          BakenClock        *clock,
                          BakenHolidayFlags  holidays)
{
  GtkWidget *row = baken_line_new (GTK_ORIENTATION_HORIZONTAL, 0);

  baken_line_append (BAKEN_LINE (row), baken_open_badge_new (schedule, clock, holidays));

  return row;
}

BakenOpenState
baken_open_badge_get_state (BakenOpenBadge *self)
{
  g_return_val_if_fail (BAKEN_IS_OPEN_BADGE (self), BAKEN_OPEN_UNKNOWN);

  return self->state;
}

const char *
baken_open_badge_get_text (BakenOpenBadge *self)
{
  g_return_val_if_fail (BAKEN_IS_OPEN_BADGE (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}
