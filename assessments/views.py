from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from cohorts.mixins import TeamMemberRequiredMixin, TeamMixin
from programs.localized import in_reader_language, in_source_locale
from programs.models import CdeEquityGoal, Resource, ResourceIndexPage

from . import services
from .forms import SelfAssessmentForm
from .models import GoalRating, SelfAssessment

RESOURCES_PER_GOAL = 3


class SelfAssessmentView(TeamMixin, TemplateView):
    """The six goals, start and end of the year side by side; low goals point to resources."""

    template_name = "assessments/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.team.cohort.school_year
        goals = list(CdeEquityGoal.objects.all())
        ratings = {
            (r.assessment.moment, r.goal_id): r
            for r in GoalRating.objects.filter(
                assessment__team=self.team, assessment__school_year=year
            ).select_related("assessment")
        }
        rows = []
        for goal in goals:
            start = ratings.get((SelfAssessment.Moment.START, goal.pk))
            end = ratings.get((SelfAssessment.Moment.END, goal.pk))
            latest = end or start
            rows.append(
                {"goal": goal, "start": start, "end": end, "low": bool(latest and latest.is_low)}
            )
        low_goals = [row["goal"] for row in rows if row["low"]]
        matching = {}
        # Each resource in the reader's language when translated (the goals decide on the
        # curriculum's own rows).
        for resource in (
            in_reader_language(Resource.objects.filter(cde_goals__in=low_goals))
            .prefetch_related("cde_goals")
            .select_related("document")
            .order_by("title")[:60]
        ):
            for goal in resource.cde_goals.all():
                matching.setdefault(goal.pk, [])
                if len(matching[goal.pk]) < RESOURCES_PER_GOAL:
                    matching[goal.pk].append(resource)
        for row in rows:
            row["resources"] = matching.get(row["goal"].pk, []) if row["low"] else []
        library = in_source_locale(ResourceIndexPage.objects.live()).first()
        context.update(
            rows=rows,
            school_year=year,
            library_url=library.url if library else "",
            taken={moment for moment, _goal in ratings},
            moments=SelfAssessment.Moment,
        )
        return context


class SelfAssessmentEditView(TeamMemberRequiredMixin, FormView):
    """Take (or retake) the start- or end-of-year self-assessment; team members only."""

    template_name = "assessments/form.html"
    form_class = SelfAssessmentForm

    def dispatch(self, request, *args, **kwargs):
        if kwargs["moment"] not in SelfAssessment.Moment.values:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    @property
    def moment(self):
        return SelfAssessment.Moment(self.kwargs["moment"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "goals": CdeEquityGoal.objects.all()}

    def get_initial(self):
        initial = {}
        for rating in GoalRating.objects.filter(
            assessment__team=self.team,
            assessment__school_year=self.team.cohort.school_year,
            assessment__moment=self.moment,
        ):
            initial[f"rating_{rating.goal_id}"] = rating.rating
            initial[f"evidence_{rating.goal_id}"] = rating.evidence
        return initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["moment"] = self.moment
        return context

    def form_valid(self, form):
        services.self_assessment_save(
            team=self.team, moment=self.moment, ratings=form.ratings(), by=self.request.user
        )
        messages.success(self.request, _("The self-assessment was saved."))
        return redirect(reverse("assessments:overview", args=[self.team.slug]))
