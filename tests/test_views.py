"""HTML views: the article page and the report, also rendered in a real headless browser."""
import re
import shutil
import subprocess

import pandas as pd
import pytest

from pipeline.views import article_html, write_article, write_report

BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    pytest.skip("no Chromium here: .ci/run installs Debian's chromium; apt-get install chromium to run this test")


def test_article_view_marks_every_claim(seed_run, seed_claims):
    out, _ = seed_run
    docs = pd.read_parquet(out / "docs.parquet")
    doc = docs.iloc[1].to_dict()
    claims = seed_claims[seed_claims.doc_id == doc["doc_id"]]
    page = article_html(doc, claims)
    assert set(re.findall(r'data-claim="(\w+)"', page)) == set(claims.claim_id)
    assert 'class="speaker"' in page and 'class="cue"' in page and "http" not in page.split("</h1>")[1]
    assert "Kim Jong Un · indirect" in page  # hover text: speaker · type


def test_views_in_a_real_browser(seed_run, seed_claims, tmp_path):
    browser = _browser()
    out, _ = seed_run
    doc_id = "001_76b16e85e38851fd"
    article = write_article(out, doc_id, tmp_path / "article.html")
    report = write_report(out, tmp_path / "report.html")
    profile = ["--user-data-dir=" + str(tmp_path / "profile")]
    dom = subprocess.run([browser, *BROWSER_FLAGS, *profile, "--dump-dom", article.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    rendered_claims = set(re.findall(r'class="quote" data-claim="(\w+)"', dom))
    assert rendered_claims == set(seed_claims[seed_claims.doc_id == doc_id].claim_id)
    shot = tmp_path / "article.png"
    subprocess.run([browser, *BROWSER_FLAGS, *profile, f"--screenshot={shot}", "--window-size=1100,1400",
                    article.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 20_000
    dom = subprocess.run([browser, *BROWSER_FLAGS, *profile, "--dump-dom", report.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    assert dom.count("<tr>") >= len(seed_claims) and f'href="articles/{doc_id}.html"' in dom
    assert (tmp_path / "articles" / f"{doc_id}.html").exists()


def test_report_lists_the_speakers(seed_run, tmp_path):
    out, _ = seed_run
    page = write_report(out, tmp_path / "report.html").read_text(encoding="utf-8")
    speakers = page.split("<table id=speakers>")[1].split("</table>")[0]
    assert "<td>Kim Jong Un</td><td>PER</td>" in speakers and "Führer Nordkoreas" in speakers
