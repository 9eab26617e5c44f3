"""Who is who: police zones, municipalities, neighbourhoods, groups, people and their roles.

Every group is structurally embedded: it belongs to a neighbourhood, which belongs to a
municipality, which belongs to a police zone. Staff roles are scoped to a zone or a
municipality, so scoping queries is a join, never a convention.
"""

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from buurtwacht.privacy import crypto
from buurtwacht.privacy.fields import EncryptedTextField

from . import geometry


class PoliceZone(models.Model):
    name = models.CharField(max_length=120)
    number = models.CharField(max_length=10, unique=True, help_text="Federal zone number")
    emergency_number = models.CharField(max_length=20, default="112")
    police_number = models.CharField(max_length=20, default="101")
    zone_phone = models.CharField(max_length=30, blank=True)
    province = models.CharField(max_length=60, default="Limburg")

    def __str__(self):
        return f"{self.name} ({self.number})"


class Municipality(models.Model):
    nis_code = models.CharField(max_length=5, unique=True)
    name = models.CharField(max_length=120)
    zone = models.ForeignKey(PoliceZone, on_delete=models.PROTECT, related_name="municipalities")

    class Meta:
        verbose_name_plural = "municipalities"

    def __str__(self):
        return f"{self.name} ({self.nis_code})"


class Neighbourhood(models.Model):
    name = models.CharField(max_length=120)
    sector_code = models.CharField(max_length=20, blank=True, help_text="Statbel sector code")
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="neighbourhoods"
    )
    boundary = models.JSONField(help_text="GeoJSON Polygon or MultiPolygon (WGS84)")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "sector_code"],
                condition=~models.Q(sector_code=""),
                name="unique_sector_per_municipality",
            )
        ]

    def __str__(self):
        return f"{self.name} – {self.municipality.name}"

    @property
    def zone(self) -> PoliceZone:
        return self.municipality.zone

    def contains(self, *, lon: float, lat: float) -> bool:
        return geometry.contains(self.boundary, lon=lon, lat=lat)


class User(AbstractUser):
    """Residents and staff alike. Contact data is encrypted; `email` of AbstractUser stays empty.

    Residents log in with a one-time code sent to their contact data; staff with a password
    and TOTP. The clear phone number and e-mail never reach the database.
    """

    language = models.CharField(
        max_length=2,
        default="nl",
        choices=[("nl", "Nederlands"), ("fr", "Français"), ("de", "Deutsch"), ("en", "English")],
    )
    birth_date = models.DateField(null=True, blank=True)
    phone = EncryptedTextField(blank=True, default="")
    phone_index = models.CharField(max_length=64, blank=True, default="", db_index=True)
    contact_email = EncryptedTextField(blank=True, default="")
    contact_email_index = models.CharField(max_length=64, blank=True, default="", db_index=True)

    def set_phone(self, e164: str) -> None:
        """Store an already normalised (E.164) phone number with its blind index."""
        self.phone = e164
        self.phone_index = crypto.blind_index(e164, purpose="phone") if e164 else ""

    def set_contact_email(self, normalised: str) -> None:
        self.contact_email = normalised
        self.contact_email_index = (
            crypto.blind_index(normalised, purpose="email") if normalised else ""
        )

    def age_on(self, day: date) -> int | None:
        if not self.birth_date:
            return None
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


class StaffRole(models.Model):
    """A role of a staff member, scoped to the zone, municipality or province it covers."""

    class Kind(models.TextChoices):
        POLICE_CONTACT = "police_contact", _("police contact")
        PREVENTION_OFFICER = "prevention_officer", _("prevention officer")
        ZONE_ADMIN = "zone_admin", _("zone admin")
        PROVINCIAL_ANALYST = "provincial_analyst", _("provincial analyst")
        NATIONAL_ADMIN = "national_admin", _("national admin")

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="staff_roles")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    zone = models.ForeignKey(PoliceZone, null=True, blank=True, on_delete=models.CASCADE)
    municipality = models.ForeignKey(Municipality, null=True, blank=True, on_delete=models.CASCADE)
    province = models.CharField(max_length=60, blank=True)

    def __str__(self):
        scope = self.zone or self.municipality or self.province or "national"
        return f"{self.user} – {self.get_kind_display()} – {scope}"


class Group(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        LIVE = "live", _("live")
        SUSPENDED = "suspended", _("suspended")

    name = models.CharField(max_length=120)
    neighbourhood = models.ForeignKey(
        Neighbourhood, on_delete=models.PROTECT, related_name="groups"
    )
    protocol_id = models.CharField(max_length=40, default="be-type")
    protocol_version = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    police_contact = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="police_groups"
    )
    approved_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="approved_groups"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name

    @property
    def zone(self) -> PoliceZone:
        return self.neighbourhood.municipality.zone

    @property
    def may_send(self) -> bool:
        """Only a live group sends anything; suspension stops all sending."""
        return self.status == self.Status.LIVE


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        COORDINATOR = "coordinator", _("coordinator")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACTIVE = "active", _("active")
        SUSPENDED = "suspended", _("suspended")
        REMOVED = "removed", _("removed")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    admitted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    admitted_at = models.DateTimeField(null=True, blank=True)
    accepted_protocol_version = models.CharField(max_length=20, blank=True)
    location_checked_at = models.DateTimeField(null=True, blank=True)
    # Strikes at the protocol's limit suspend posting, not reading: the member stays informed.
    posting_suspended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="one_membership_per_group")
        ]
        indexes = [models.Index(fields=["group", "status"])]

    def __str__(self):
        return f"{self.user} in {self.group} ({self.role}, {self.status})"


class ProtocolAcceptance(models.Model):
    """A member's acceptance of one protocol version: who, which version, when, in which language.

    Membership.accepted_protocol_version says what holds now; these rows are the history a
    coordinator or the police zone can point to ("accepted hasselt 2025.1 in Dutch on ...").
    They go with the membership: a member who leaves takes their data along.
    """

    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="protocol_acceptances"
    )
    protocol_id = models.CharField(max_length=40)
    version = models.CharField(max_length=20)
    lang = models.CharField(max_length=2, choices=User._meta.get_field("language").choices)
    accepted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "protocol_id", "version"],
                name="one_acceptance_per_protocol_version",
            )
        ]
        ordering = ["-accepted_at"]

    def __str__(self):
        return f"{self.membership.user} accepted {self.protocol_id}@{self.version} ({self.lang})"


class Sanction(models.Model):
    """One step of the sanction ladder (warning, suspension, removal) on a membership.

    Given by a coordinator to a member of their group, or by the zone admin to a coordinator;
    always with a reason, visible to the person, appealable once (organisation.sanctions).
    `previous_status` is what the membership goes back to when an appeal lifts the step.
    """

    class Step(models.TextChoices):
        WARNING = "warning", _("warning")
        SUSPENSION = "suspension", _("suspension")
        REMOVAL = "removal", _("removal")

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="sanctions")
    step = models.CharField(max_length=12, choices=Step.choices)
    reason = models.TextField()
    given_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="sanctions_given"
    )
    given_at = models.DateTimeField(default=timezone.now)
    previous_status = models.CharField(max_length=10, choices=Membership.Status.choices)
    lifted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-id"]

    def __str__(self):
        return f"{self.step} for membership {self.membership_id}"


class SanctionAppeal(models.Model):
    """The one appeal a sanction allows; the zone admin of the group's zone decides it."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("pending")
        UPHELD = "upheld", _("upheld")
        LIFTED = "lifted", _("lifted")

    sanction = models.OneToOneField(Sanction, on_delete=models.CASCADE, related_name="appeal")
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    decision = models.CharField(max_length=8, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)


def _invitation_token() -> str:
    import secrets

    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A coordinator's link to join a group: one person, once, until it expires.

    Holding the link is what lets someone start the join flow; the checks of admission (age,
    address inside the neighbourhood, group size) still run, with the inviting coordinator as
    the one who admits (organisation.invitations).
    """

    token = models.CharField(max_length=64, unique=True, default=_invitation_token)
    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="invitations")
    created_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invitations_created"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires = models.DateTimeField()
    note = models.CharField(
        max_length=80, blank=True, help_text="for the coordinator, e.g. a street"
    )
    used_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"invitation to {self.group} ({self.state})"

    @property
    def state(self) -> str:
        if self.used_at:
            return "used"
        if self.revoked_at:
            return "revoked"
        if self.expires <= timezone.now():
            return "expired"
        return "open"
