from privacy.consent import consent_context


def consent(request):
    return consent_context(request)
