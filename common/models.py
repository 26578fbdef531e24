from django.db import models


class FormSubmission(models.Model):
    """A rendered form that has been submitted successfully: the key to making it count once.

    `nonce` comes from the form's one-time token (submissions.py). The person is kept as a plain id:
    this helper layer knows no domain models.
    """

    nonce = models.CharField(max_length=64, unique=True)
    user_id = models.BigIntegerField(null=True, db_index=True)
    result_url = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self):
        return self.nonce
