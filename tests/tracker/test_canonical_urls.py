import pytest

from tracker.canonical import InvalidURL, canonical_url


def test_tracking_parameters_fragment_and_host_case_are_dropped():
    url = "HTTPS://News.Example.COM/world/letter?utm_source=tw&utm_medium=social&fbclid=abc&gclid=x#comments"
    assert canonical_url(url) == "https://news.example.com/world/letter"


def test_meaningful_query_parameters_are_kept_in_order():
    assert (
        canonical_url("http://example.org/story?id=42&page=2&mc_cid=9")
        == "http://example.org/story?id=42&page=2"
    )


def test_default_ports_are_dropped_and_others_kept():
    assert canonical_url("https://example.org:443/a") == "https://example.org/a"
    assert canonical_url("http://example.org:8080/a") == "http://example.org:8080/a"


def test_an_empty_path_becomes_slash():
    assert canonical_url("https://example.org") == "https://example.org/"


def test_two_decorations_of_one_story_are_one_url():
    a = canonical_url("https://kyivindependent.com/us-lawmakers/?utm_campaign=daily#top")
    b = canonical_url("https://KyivIndependent.com/us-lawmakers/?fbclid=IwAR0")
    assert a == b


@pytest.mark.parametrize("url", ["ftp://example.org/", "javascript:alert(1)", "/relative", "", "http://"])
def test_non_http_urls_are_refused(url):
    with pytest.raises(InvalidURL):
        canonical_url(url)
