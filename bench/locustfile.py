"""Simulated people for the load test (run by bench/load.py, headless, on loopback).

Each person logs in once, then mostly reads (home, team space, journal, norms, feedback,
improvement project, notifications, a module page) and sometimes writes a journal entry.
Accounts come from LOAD_ACCOUNTS (a JSON file of [email, team slug] pairs).
"""

import itertools
import json
import os
import re

from locust import HttpUser, between, task

ACCOUNTS = itertools.cycle(json.loads(open(os.environ["LOAD_ACCOUNTS"]).read()))  # noqa: SIM115
PASSWORD = os.environ["LOAD_PASSWORD"]
MODULE_URL = os.environ.get("LOAD_MODULE_URL", "/")
HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"')
TEAM_OPTION = re.compile(r'<select name="team"[^>]*>\s*<option value="(\d+)"')


class Person(HttpUser):
    wait_time = between(1, 5)

    def on_start(self):
        self.email, self.team = next(ACCOUNTS)
        page = self.client.get("/accounts/login/", name="login page")
        form = dict(HIDDEN.findall(page.text))
        form.update(login=self.email, password=PASSWORD)
        self.client.post("/accounts/login/", data=form, name="log in")

    @task(4)
    def home(self):
        self.client.get("/", name="home")

    @task(4)
    def team_space(self):
        self.client.get(f"/teams/{self.team}/", name="team space")

    @task(3)
    def journal(self):
        self.client.get("/journal/", name="journal")

    @task(2)
    def norms(self):
        self.client.get(f"/teams/{self.team}/norms/", name="norms")

    @task(2)
    def feedback(self):
        self.client.get("/feedback/", name="feedback")

    @task(3)
    def improvement(self):
        self.client.get(f"/teams/{self.team}/improvement/", name="improvement project")

    @task(2)
    def notifications(self):
        self.client.get("/notifications/", name="notifications")

    @task(2)
    def module(self):
        self.client.get(MODULE_URL, name="module page")

    @task(2)
    def write_journal_entry(self):
        page = self.client.get("/journal/new/", name="journal form")
        form = dict(HIDDEN.findall(page.text))
        team = TEAM_OPTION.search(page.text)
        form.update(
            title="Load test reflection",
            body="<p>What we noticed today.</p>",
            kind="learning",
            visibility="private",
            team=team.group(1) if team else "",
        )
        self.client.post("/journal/new/", data=form, name="journal write")
