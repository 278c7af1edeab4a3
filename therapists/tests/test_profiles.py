from conftest import make_therapist


def test_it_lists_therapists_with_credentials(client, therapist):
    html = client.get("/therapists/").content.decode()
    assert "Theo Marsh, MS, LMHC" in html
    assert 'href="/therapists/theo-marsh/"' in html
    assert "LMHC-SECRET-0042" not in html


def test_it_shows_a_profile_with_licence_details_but_not_the_number(client, therapist):
    html = client.get("/therapists/theo-marsh/").content.decode()
    assert "Licensed Mental Health Counselor, Vermont" in html
    assert "Burlington, VT" in html
    assert "grief, couples" in html
    assert "Practical and warm." in html
    assert "Theo has counselled couples" in html
    assert "LMHC-SECRET-0042" not in html


def test_it_lists_only_the_therapists_own_published_answers(client, make_answer, therapist):
    other = make_therapist("Ana Ruiz")
    make_answer(title="Theo's published answer")
    make_answer(title="Theo's draft", live=False)
    theirs = make_answer(title="Ana's answer")
    theirs.therapist = other
    theirs.save_revision().publish()
    html = client.get("/therapists/theo-marsh/").content.decode()
    assert "Theo&#x27;s published answer" in html
    assert "Theo&#x27;s draft" not in html
    assert "Ana&#x27;s answer" not in html


def test_it_answers_404_for_an_unknown_therapist(client, home):
    assert client.get("/therapists/nobody/").status_code == 404


def test_it_marks_unverified_licences(therapist):
    assert therapist.is_verified
    therapist.verified_on = None
    assert not therapist.is_verified
    assert therapist.specialty_list == ["grief", "couples"]
