CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "ActorUserId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NULL,
    "EntityId" TEXT NULL,
    "Changes" TEXT NULL,
    "Reason" TEXT NULL,
    "Scope" TEXT NOT NULL,
    "PreviousHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "Seal" TEXT NULL
);

CREATE TABLE "BackgroundTasks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BackgroundTasks" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "ReturnUrl" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectId" INTEGER NULL,
    "Lane" TEXT NULL,
    "Policy" TEXT NOT NULL,
    "State" INTEGER NOT NULL,
    "Stage" TEXT NULL,
    "Done" INTEGER NOT NULL,
    "Total" INTEGER NULL,
    "Unit" TEXT NULL,
    "Message" TEXT NULL,
    "Culture" TEXT NOT NULL,
    "ResultUrl" TEXT NULL,
    "ResultFile" BLOB NULL,
    "ResultFileName" TEXT NULL,
    "ResultContentType" TEXT NULL,
    "ResultExpiresAt" INTEGER NULL,
    "Parameters" TEXT NULL,
    "Input" BLOB NULL,
    "StartedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    "HeartbeatAt" INTEGER NULL,
    "Node" TEXT NULL,
    "CancelRequested" INTEGER NOT NULL
);

CREATE TABLE "Bodies" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Bodies" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NULL,
    "Ags" TEXT NULL,
    "Rgs" TEXT NULL,
    "Classification" TEXT NULL,
    "Website" TEXT NULL,
    "SeedKey" TEXT NULL,
    "SeedHash" TEXT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "Districts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Districts" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Residents" INTEGER NULL,
    "ResidentsAsOf" TEXT NULL,
    "Source" TEXT NULL,
    "SeedKey" TEXT NULL,
    "SeedHash" TEXT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL
);

CREATE TABLE "EnforcementOfficers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EnforcementOfficers" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ServiceNumber" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Pseudonym" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "EnforcementReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EnforcementReports" PRIMARY KEY AUTOINCREMENT,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Introduction" TEXT NOT NULL,
    "Assessment" TEXT NOT NULL,
    "NextSteps" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "PaperId" INTEGER NULL
);

CREATE TABLE "FieldsOfAction" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FieldsOfAction" PRIMARY KEY AUTOINCREMENT,
    "ParentId" INTEGER NULL,
    "Position" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "GuidingSentence" TEXT NULL,
    "Description" TEXT NULL,
    "Source" TEXT NULL,
    "IsRetired" INTEGER NOT NULL,
    "MergedIntoId" INTEGER NULL,
    "SeedKey" TEXT NULL,
    "SeedHash" TEXT NULL,
    CONSTRAINT "FK_FieldsOfAction_FieldsOfAction_ParentId" FOREIGN KEY ("ParentId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GazetteerAddresses" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GazetteerAddresses" PRIMARY KEY AUTOINCREMENT,
    "Street" TEXT NOT NULL,
    "HouseNumber" TEXT NOT NULL,
    "Postcode" TEXT NOT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "StreetKey" TEXT NOT NULL,
    "HouseKey" TEXT NOT NULL,
    "HouseOrder" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL
);

CREATE TABLE "GrantAssociations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantAssociations" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Address" TEXT NULL,
    "RegisteredAt" INTEGER NOT NULL,
    "InviteCodeHash" TEXT NULL,
    "InviteCodeExpiresAt" INTEGER NULL,
    "IsDemo" INTEGER NOT NULL
);

CREATE TABLE "GrantYearBudgets" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_GrantYearBudgets" PRIMARY KEY,
    "AmountCents" INTEGER NOT NULL
);

CREATE TABLE "HalfYearReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HalfYearReports" PRIMARY KEY AUTOINCREMENT,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Introduction" TEXT NOT NULL,
    "Assessment" TEXT NOT NULL,
    "Outlook" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "SubmittedById" TEXT NULL,
    "SubmittedAt" INTEGER NULL,
    "ApprovedById" TEXT NULL,
    "ApprovedByName" TEXT NULL,
    "ApprovedAt" INTEGER NULL,
    "PaperId" INTEGER NULL,
    "SentAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Revision" INTEGER NOT NULL
);

CREATE TABLE "InputCalls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InputCalls" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Question" TEXT NOT NULL,
    "OpensAt" INTEGER NOT NULL,
    "ClosesAt" INTEGER NOT NULL,
    "WhatHappens" TEXT NOT NULL,
    "AnswerBy" TEXT NULL,
    "BelongsToKind" TEXT NOT NULL,
    "BelongsToId" INTEGER NULL,
    "Topic" TEXT NULL,
    "Themes" TEXT NULL,
    "ModerationMode" TEXT NOT NULL,
    "RetentionDays" INTEGER NOT NULL,
    "PersonalDataDeletedAt" INTEGER NULL,
    "IsDemo" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL
);

CREATE TABLE "Invitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Invitations" PRIMARY KEY AUTOINCREMENT,
    "TokenHash" TEXT NOT NULL,
    "Email" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Roles" TEXT NOT NULL,
    "PersonId" INTEGER NULL,
    "DepartmentId" INTEGER NULL,
    "InvitedByUserId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "AcceptedAt" INTEGER NULL,
    "AcceptedUserId" TEXT NULL
);

CREATE TABLE "JobRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobRuns" PRIMARY KEY AUTOINCREMENT,
    "Job" TEXT NOT NULL,
    "FireInstanceId" TEXT NOT NULL,
    "Node" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "FinishedAt" INTEGER NULL,
    "Result" TEXT NULL
);

CREATE TABLE "Labs" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Labs" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "District" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quarter" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "PlanBasis" TEXT NULL,
    "OverrideReason" TEXT NULL,
    "ConceptPolitics" TEXT NULL,
    "ConceptDigitalInput" TEXT NULL,
    "ConceptParticipation" TEXT NULL,
    "ConceptApprovedOn" TEXT NULL,
    "ConceptApprovedBy" TEXT NULL,
    "Categories" TEXT NULL,
    "LettersCreatedAt" INTEGER NULL,
    "RegisterDeletedAt" INTEGER NULL,
    "HeldOn" TEXT NULL,
    "ResultsSummary" TEXT NULL,
    "ReportedOn" TEXT NULL,
    "ReportedTo" TEXT NULL,
    "RegistrationsDeletedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "HistorySource" TEXT NULL
);

CREATE TABLE "LoginThrottles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LoginThrottles" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Failures" INTEGER NOT NULL,
    "LastFailureAt" INTEGER NOT NULL,
    "NotBefore" INTEGER NOT NULL
);

CREATE TABLE "Open311Clients" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Open311Clients" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Contact" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "KeyPrefix" TEXT NOT NULL,
    "IssuedAt" INTEGER NOT NULL,
    "IssuedBy" TEXT NOT NULL,
    "RevokedAt" INTEGER NULL,
    "RevokedBy" TEXT NULL,
    "LastUsedAt" INTEGER NULL
);

CREATE TABLE "OutboxMails" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMails" PRIMARY KEY AUTOINCREMENT,
    "Message" BLOB NOT NULL,
    "What" TEXT NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL
);

CREATE TABLE "PasswordResetRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PasswordResetRequests" PRIMARY KEY AUTOINCREMENT,
    "TokenHash" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "UsedAt" INTEGER NULL
);

CREATE TABLE "Persons" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Persons" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NULL,
    "GivenName" TEXT NOT NULL,
    "FamilyName" TEXT NOT NULL,
    "Email" TEXT NULL,
    "PublicConsent" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL
);

CREATE TABLE "PlaceEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlaceEvents" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Starts" INTEGER NOT NULL,
    "Ends" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL
);

CREATE TABLE "ProgrammeYears" (
    "Year" INTEGER NOT NULL CONSTRAINT "PK_ProgrammeYears" PRIMARY KEY,
    "AmountCents" INTEGER NOT NULL,
    "Order" TEXT NOT NULL,
    "Account" TEXT NOT NULL
);

CREATE TABLE "ReferenceDataVersions" (
    "Name" TEXT NOT NULL CONSTRAINT "PK_ReferenceDataVersions" PRIMARY KEY,
    "Version" INTEGER NOT NULL,
    "AppliedAt" INTEGER NOT NULL
);

CREATE TABLE "SeatLots" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SeatLots" PRIMARY KEY AUTOINCREMENT,
    "Signature" TEXT NOT NULL,
    "TiedParties" TEXT NOT NULL,
    "SeatsInDispute" INTEGER NOT NULL,
    "Seed" TEXT NOT NULL,
    "SeedAct" TEXT NULL,
    "Winners" TEXT NOT NULL,
    "DrawnAt" INTEGER NOT NULL,
    "DrawnBy" TEXT NULL
);

CREATE TABLE "Tombstones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tombstones" PRIMARY KEY AUTOINCREMENT,
    "EntityType" TEXT NOT NULL,
    "EntityId" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Deleted" INTEGER NOT NULL
);

CREATE TABLE "UserSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_UserSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Ticket" BLOB NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConfidentialCases" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConfidentialCases" PRIMARY KEY AUTOINCREMENT,
    "Unit" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "SecretHash" TEXT NULL,
    "FailedOpens" INTEGER NOT NULL,
    "BlockedUntil" INTEGER NULL,
    "KeyId" TEXT NOT NULL,
    "WrappedKey" BLOB NOT NULL,
    "Status" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "AcknowledgeBy" TEXT NOT NULL,
    "FeedbackBy" TEXT NOT NULL,
    "AcknowledgedOn" TEXT NULL,
    "FeedbackOn" TEXT NULL,
    "ClosedOn" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Service" TEXT NULL,
    "DistrictId" INTEGER NULL,
    "OutcomeCategory" TEXT NULL,
    "ContactWay" TEXT NOT NULL,
    "SignedIn" INTEGER NOT NULL,
    "ChargesPressed" INTEGER NOT NULL,
    "AdviceWanted" INTEGER NOT NULL,
    "ForwardConsent" TEXT NOT NULL,
    "ForwardedOn" TEXT NULL,
    "RemindedOn" TEXT NULL,
    "UnreadReply" INTEGER NOT NULL,
    "UnreadMessage" INTEGER NOT NULL,
    "ContentDeletedOn" TEXT NULL,
    "AttachmentsDeletedOn" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "What" BLOB NULL,
    "When" BLOB NULL,
    "Where" BLOB NULL,
    "Details" BLOB NULL,
    "Injuries" BLOB NULL,
    "Contact" BLOB NULL,
    "Reporter" BLOB NULL,
    "Advice" BLOB NULL,
    "OutcomeText" BLOB NULL,
    CONSTRAINT "FK_ConfidentialCases_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "DistrictBoundaries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DistrictBoundaries" PRIMARY KEY AUTOINCREMENT,
    "DistrictId" INTEGER NOT NULL,
    "GeoJson" TEXT NOT NULL,
    "ImportId" TEXT NOT NULL,
    "ImportedAt" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_DistrictBoundaries_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Organizations" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Classification" TEXT NULL,
    "ParentId" INTEGER NULL,
    "DistrictId" INTEGER NULL,
    "Purpose" TEXT NULL,
    "FormedBy" TEXT NULL,
    "StartDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "PlanEdition" INTEGER NULL,
    "CouncilSeats" INTEGER NULL,
    "Source" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "SeedKey" TEXT NULL,
    "SeedHash" TEXT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_Organizations_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Organizations_Organizations_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProtectivePlaceVenues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProtectivePlaceVenues" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "VenueKind" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "DistrictId" INTEGER NULL,
    "PublicPhone" TEXT NULL,
    "ContactName" TEXT NULL,
    "ContactEmail" TEXT NULL,
    "Trained" TEXT NULL,
    "ConsentToList" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "AppliedAt" INTEGER NOT NULL,
    "ApprovedAt" INTEGER NULL,
    "LastTrainingOn" TEXT NULL,
    "ConfirmedUntil" INTEGER NULL,
    "ReminderSentAt" INTEGER NULL,
    "ContactDeletedAt" INTEGER NULL,
    "IsDemo" INTEGER NOT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" INTEGER NULL,
    "EmailConfirmedAt" INTEGER NULL,
    CONSTRAINT "FK_ProtectivePlaceVenues_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ServiceRequestAlerts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRequestAlerts" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "DistrictId" INTEGER NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" INTEGER NULL,
    "EmailConfirmedAt" INTEGER NULL,
    "UnsubscribeToken" TEXT NOT NULL,
    "MailedUntil" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceRequestAlerts_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ForceIncidents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ForceIncidents" PRIMARY KEY AUTOINCREMENT,
    "OfficerId" INTEGER NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "DistrictId" INTEGER NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "Address" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Baton" TEXT NOT NULL,
    "PepperSpray" INTEGER NOT NULL,
    "Handcuffs" INTEGER NOT NULL,
    "BodycamOn" INTEGER NOT NULL,
    "BodycamReason" TEXT NULL,
    "RecordingKept" INTEGER NULL,
    "OfficerInjured" INTEGER NOT NULL,
    "PersonInjured" INTEGER NOT NULL,
    "ComplaintFollowed" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "DescriptionDeletedOn" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SignOffBy" TEXT NOT NULL,
    "SignedOffAt" INTEGER NULL,
    "SignedOffByUserId" TEXT NULL,
    "SignedOffByName" TEXT NULL,
    "SignOffNote" TEXT NULL,
    "RemindedOn" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_ForceIncidents_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ForceIncidents_EnforcementOfficers_OfficerId" FOREIGN KEY ("OfficerId") REFERENCES "EnforcementOfficers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "StopReceipts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_StopReceipts" PRIMARY KEY AUTOINCREMENT,
    "CodeHash" TEXT NOT NULL,
    "OfficerId" INTEGER NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "DistrictId" INTEGER NOT NULL,
    "Latitude" REAL NULL,
    "Longitude" REAL NULL,
    "Address" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "LegalBasis" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "ReasonDeletedOn" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_StopReceipts_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_StopReceipts_EnforcementOfficers_OfficerId" FOREIGN KEY ("OfficerId") REFERENCES "EnforcementOfficers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FieldOfActionVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FieldOfActionVersions" PRIMARY KEY AUTOINCREMENT,
    "NodeId" INTEGER NOT NULL,
    "ValidFrom" INTEGER NOT NULL,
    "Change" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "ParentId" INTEGER NULL,
    "Position" INTEGER NOT NULL,
    "IsRetired" INTEGER NOT NULL,
    "MergedIntoId" INTEGER NULL,
    "Reason" TEXT NULL,
    "SourceKind" TEXT NOT NULL,
    "SourceText" TEXT NULL,
    "SourceLinkKind" TEXT NULL,
    "SourceLinkId" INTEGER NULL,
    "ActorName" TEXT NOT NULL,
    CONSTRAINT "FK_FieldOfActionVersions_FieldsOfAction_NodeId" FOREIGN KEY ("NodeId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "FieldReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_FieldReviews" PRIMARY KEY AUTOINCREMENT,
    "FieldOfActionId" INTEGER NOT NULL,
    "ReviewedOn" TEXT NOT NULL,
    "ReviewedIn" TEXT NOT NULL,
    "Diversity" INTEGER NOT NULL,
    "Integration" INTEGER NOT NULL,
    "Inclusion" INTEGER NOT NULL,
    "Finding" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_FieldReviews_FieldsOfAction_FieldOfActionId" FOREIGN KEY ("FieldOfActionId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Measures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Measures" PRIMARY KEY AUTOINCREMENT,
    "FieldOfActionId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "Partners" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Progress" INTEGER NOT NULL,
    "Weight" TEXT NOT NULL,
    "PlannedBudget" TEXT NULL,
    "SpentBudget" TEXT NULL,
    "StartDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "Place" TEXT NULL,
    "SourceKind" TEXT NOT NULL,
    "SourceText" TEXT NULL,
    "SourceLinkKind" TEXT NULL,
    "SourceLinkId" INTEGER NULL,
    "IsPublic" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "PlanEdition" INTEGER NOT NULL,
    "ExternalNumber" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL,
    CONSTRAINT "CK_Measures_Progress" CHECK ("Progress" >= 0 AND "Progress" <= 100),
    CONSTRAINT "FK_Measures_FieldsOfAction_FieldOfActionId" FOREIGN KEY ("FieldOfActionId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "HalfYearReportEditions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_HalfYearReportEditions" PRIMARY KEY AUTOINCREMENT,
    "ReportId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "From" TEXT NOT NULL,
    "To" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Introduction" TEXT NOT NULL,
    "Assessment" TEXT NOT NULL,
    "Outlook" TEXT NOT NULL,
    "ContentJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "ApprovedAt" INTEGER NULL,
    "ApprovedByName" TEXT NULL,
    "PaperId" INTEGER NULL,
    CONSTRAINT "FK_HalfYearReportEditions_HalfYearReports_ReportId" FOREIGN KEY ("ReportId") REFERENCES "HalfYearReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Contributions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Contributions" PRIMARY KEY AUTOINCREMENT,
    "InputCallId" INTEGER NOT NULL,
    "ReceiptHash" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "OriginalText" TEXT NULL,
    "District" TEXT NULL,
    "Theme" TEXT NULL,
    "AuthorName" TEXT NULL,
    "Email" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" INTEGER NULL,
    "EmailConfirmedAt" INTEGER NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "Moderation" TEXT NOT NULL,
    "RejectReason" TEXT NULL,
    "ModeratedAt" INTEGER NULL,
    "PublishedAt" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "Answer" TEXT NULL,
    "Reason" TEXT NULL,
    "AnsweredAt" INTEGER NULL,
    "AnsweredBy" TEXT NULL,
    "TakenUpKind" TEXT NULL,
    "TakenUpId" INTEGER NULL,
    "AnswerMailedAt" INTEGER NULL,
    "SupportCount" INTEGER NOT NULL,
    "FlagCount" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_Contributions_InputCalls_InputCallId" FOREIGN KEY ("InputCallId") REFERENCES "InputCalls" ("Id") ON DELETE CASCADE
);

CREATE TABLE "InputCallQuestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InputCallQuestions" PRIMARY KEY AUTOINCREMENT,
    "InputCallId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Prompt" TEXT NOT NULL,
    "Options" TEXT NULL,
    "Required" INTEGER NOT NULL,
    CONSTRAINT "FK_InputCallQuestions_InputCalls_InputCallId" FOREIGN KEY ("InputCallId") REFERENCES "InputCalls" ("Id") ON DELETE CASCADE
);

CREATE TABLE "InviteeDraws" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InviteeDraws" PRIMARY KEY AUTOINCREMENT,
    "LabId" INTEGER NOT NULL,
    "Seed" TEXT NOT NULL,
    "SeedAct" TEXT NULL,
    "PublicInput" TEXT NULL,
    "Method" TEXT NOT NULL,
    "ReferenceDate" TEXT NOT NULL,
    "InputHash" TEXT NOT NULL,
    "Rows" INTEGER NOT NULL,
    "Count" INTEGER NOT NULL,
    "DrawnAt" INTEGER NOT NULL,
    CONSTRAINT "FK_InviteeDraws_Labs_LabId" FOREIGN KEY ("LabId") REFERENCES "Labs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LabInvitations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LabInvitations" PRIMARY KEY AUTOINCREMENT,
    "LabId" INTEGER NOT NULL,
    "RowIndex" INTEGER NOT NULL,
    "CodeHash" TEXT NULL,
    "UsedAt" INTEGER NULL,
    CONSTRAINT "FK_LabInvitations_Labs_LabId" FOREIGN KEY ("LabId") REFERENCES "Labs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "LabPlaces" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LabPlaces" PRIMARY KEY AUTOINCREMENT,
    "LabId" INTEGER NOT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "Address" TEXT NULL,
    "Category" TEXT NOT NULL,
    "Comment" TEXT NOT NULL,
    CONSTRAINT "FK_LabPlaces_Labs_LabId" FOREIGN KEY ("LabId") REFERENCES "Labs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PanelSelections" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PanelSelections" PRIMARY KEY AUTOINCREMENT,
    "LabId" INTEGER NOT NULL,
    "Algorithm" TEXT NOT NULL,
    "Seed" TEXT NOT NULL,
    "SeedAct" TEXT NULL,
    "PublicInput" TEXT NULL,
    "PanelSize" INTEGER NOT NULL,
    "Quotas" TEXT NOT NULL,
    "InputHash" TEXT NOT NULL,
    "Respondents" INTEGER NOT NULL,
    "PanelCount" INTEGER NOT NULL,
    "MinimumProbability" REAL NOT NULL,
    "MedianProbability" REAL NOT NULL,
    "MaximumProbability" REAL NOT NULL,
    "SelectedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_PanelSelections_Labs_LabId" FOREIGN KEY ("LabId") REFERENCES "Labs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RegisterEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RegisterEntries" PRIMARY KEY AUTOINCREMENT,
    "LabId" INTEGER NOT NULL,
    "RowIndex" INTEGER NOT NULL,
    "Line" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "BirthYear" INTEGER NOT NULL,
    "Gender" TEXT NOT NULL,
    "District" TEXT NOT NULL,
    "SubDistrict" TEXT NULL,
    CONSTRAINT "FK_RegisterEntries_Labs_LabId" FOREIGN KEY ("LabId") REFERENCES "Labs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConfidentialMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConfidentialMessages" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "FromUnit" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "AuthorName" TEXT NULL,
    "Body" BLOB NOT NULL,
    CONSTRAINT "FK_ConfidentialMessages_ConfidentialCases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "ConfidentialCases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConfidentialNotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConfidentialNotes" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "Body" BLOB NOT NULL,
    CONSTRAINT "FK_ConfidentialNotes_ConfidentialCases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "ConfidentialCases" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "PersonId" INTEGER NULL,
    "DepartmentId" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastAuthenticatorStep" INTEGER NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Organizations_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AspNetUsers_Persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BodyReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BodyReports" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "AsOf" TEXT NOT NULL,
    "Addressee" TEXT NOT NULL,
    "SentOn" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_BodyReports_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Meetings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "Start" INTEGER NOT NULL,
    "End" INTEGER NOT NULL,
    "Room" TEXT NULL,
    "Address" TEXT NULL,
    "State" TEXT NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    "SeriesId" TEXT NULL,
    "CalendarUid" TEXT NOT NULL,
    "CalendarSequence" INTEGER NOT NULL,
    "InvitedAt" INTEGER NULL,
    "CancellationReason" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_Meetings_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Memberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Memberships" PRIMARY KEY AUTOINCREMENT,
    "PersonId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "VotingRight" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "OnBehalfOfId" INTEGER NULL,
    "DeputyForId" INTEGER NULL,
    "IsExternal" INTEGER NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_Memberships_Memberships_DeputyForId" FOREIGN KEY ("DeputyForId") REFERENCES "Memberships" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Memberships_Organizations_OnBehalfOfId" FOREIGN KEY ("OnBehalfOfId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Memberships_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Memberships_Persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Papers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Papers" PRIMARY KEY AUTOINCREMENT,
    "Reference" TEXT NULL,
    "Name" TEXT NOT NULL,
    "PaperType" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "ResponsibleOrganizationId" INTEGER NULL,
    "Originator" TEXT NULL,
    "DecisionProposal" TEXT NULL,
    "Reasons" TEXT NULL,
    "AmendsPaperId" INTEGER NULL,
    "IsDemo" INTEGER NOT NULL,
    "Source" TEXT NULL,
    "SeedKey" TEXT NULL,
    "SeedHash" TEXT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_Papers_Organizations_ResponsibleOrganizationId" FOREIGN KEY ("ResponsibleOrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Papers_Papers_AmendsPaperId" FOREIGN KEY ("AmendsPaperId") REFERENCES "Papers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RulesOfProcedure" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RulesOfProcedure" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "AdoptedOn" TEXT NOT NULL,
    "AdoptedBy" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "QuorumMoreThanPercent" INTEGER NULL,
    CONSTRAINT "FK_RulesOfProcedure_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ServiceCategories" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceCategories" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "DepartmentId" INTEGER NOT NULL,
    "RoutingEmail" TEXT NULL,
    "FieldOfActionId" INTEGER NULL,
    "OverdueAfterDays" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "SeedKey" TEXT NULL,
    "SeedHash" TEXT NULL,
    CONSTRAINT "FK_ServiceCategories_FieldsOfAction_FieldOfActionId" FOREIGN KEY ("FieldOfActionId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ServiceCategories_Organizations_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProtectivePlaceMaterialOrders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProtectivePlaceMaterialOrders" PRIMARY KEY AUTOINCREMENT,
    "VenueId" INTEGER NOT NULL,
    "Posters" INTEGER NOT NULL,
    "Stickers" INTEGER NOT NULL,
    "Flyers" INTEGER NOT NULL,
    "OrderedAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    CONSTRAINT "FK_ProtectivePlaceMaterialOrders_ProtectivePlaceVenues_VenueId" FOREIGN KEY ("VenueId") REFERENCES "ProtectivePlaceVenues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProtectivePlaces" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProtectivePlaces" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "DistrictId" INTEGER NULL,
    "Help" TEXT NOT NULL,
    "HelpEnglish" TEXT NULL,
    "HelpEasy" TEXT NULL,
    "Phone" TEXT NULL,
    "StepFree" INTEGER NOT NULL,
    "AccessibleToilet" INTEGER NOT NULL,
    "QuietRoom" INTEGER NOT NULL,
    "Languages" TEXT NULL,
    "EventId" INTEGER NULL,
    "VenueId" INTEGER NULL,
    "IsPublic" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_ProtectivePlaces_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProtectivePlaces_PlaceEvents_EventId" FOREIGN KEY ("EventId") REFERENCES "PlaceEvents" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ProtectivePlaces_ProtectivePlaceVenues_VenueId" FOREIGN KEY ("VenueId") REFERENCES "ProtectivePlaceVenues" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProtectivePlaceVenueReconfirmations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProtectivePlaceVenueReconfirmations" PRIMARY KEY AUTOINCREMENT,
    "VenueId" INTEGER NOT NULL,
    "Email" TEXT NULL,
    "SentAt" INTEGER NOT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" INTEGER NULL,
    "EmailConfirmedAt" INTEGER NULL,
    CONSTRAINT "FK_ProtectivePlaceVenueReconfirmations_ProtectivePlaceVenues_VenueId" FOREIGN KEY ("VenueId") REFERENCES "ProtectivePlaceVenues" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReceiptFeedbacks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReceiptFeedbacks" PRIMARY KEY AUTOINCREMENT,
    "ReceiptId" INTEGER NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "Fairness" TEXT NOT NULL,
    "CheckedBecause" TEXT NOT NULL,
    "Text" TEXT NULL,
    "TextDeletedOn" TEXT NULL,
    CONSTRAINT "FK_ReceiptFeedbacks_StopReceipts_ReceiptId" FOREIGN KEY ("ReceiptId") REFERENCES "StopReceipts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FinalReportEntries" (
    "MeasureId" INTEGER NOT NULL CONSTRAINT "PK_FinalReportEntries" PRIMARY KEY,
    "Outcome" TEXT NOT NULL,
    "Lessons" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_FinalReportEntries_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantCalls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantCalls" PRIMARY KEY AUTOINCREMENT,
    "Title" TEXT NOT NULL,
    "Purpose" TEXT NOT NULL,
    "Eligibility" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "BudgetCents" INTEGER NOT NULL,
    "MaxPerProjectCents" INTEGER NOT NULL,
    "Deadline" INTEGER NOT NULL,
    "MeasureId" INTEGER NULL,
    "RequiredDocuments" TEXT NOT NULL,
    "PublishedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantCalls_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Indicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Indicators" PRIMARY KEY AUTOINCREMENT,
    "FieldOfActionId" INTEGER NOT NULL,
    "MeasureId" INTEGER NULL,
    "OrganizationId" INTEGER NULL,
    "Name" TEXT NOT NULL,
    "Definition" TEXT NULL,
    "Unit" TEXT NOT NULL,
    "DataSource" TEXT NULL,
    "BaselineValue" TEXT NULL,
    "BaselineDate" TEXT NULL,
    "TargetValue" TEXT NULL,
    "TargetDate" TEXT NULL,
    "Direction" TEXT NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL,
    CONSTRAINT "FK_Indicators_FieldsOfAction_FieldOfActionId" FOREIGN KEY ("FieldOfActionId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Indicators_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Indicators_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LabRecommendations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LabRecommendations" PRIMARY KEY AUTOINCREMENT,
    "LabId" INTEGER NOT NULL,
    "Text" TEXT NOT NULL,
    "FieldOfActionId" INTEGER NULL,
    "Outcome" TEXT NOT NULL,
    "MeasureId" INTEGER NULL,
    "NewFieldOfActionId" INTEGER NULL,
    "ForwardedTo" TEXT NULL,
    "DeclineReason" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    CONSTRAINT "FK_LabRecommendations_FieldsOfAction_FieldOfActionId" FOREIGN KEY ("FieldOfActionId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LabRecommendations_FieldsOfAction_NewFieldOfActionId" FOREIGN KEY ("NewFieldOfActionId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_LabRecommendations_Labs_LabId" FOREIGN KEY ("LabId") REFERENCES "Labs" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LabRecommendations_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MeasureDistrict" (
    "MeasureId" INTEGER NOT NULL,
    "DistrictId" INTEGER NOT NULL,
    CONSTRAINT "PK_MeasureDistrict" PRIMARY KEY ("MeasureId", "DistrictId"),
    CONSTRAINT "FK_MeasureDistrict_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_MeasureDistrict_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeasureStatusUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeasureStatusUpdates" PRIMARY KEY AUTOINCREMENT,
    "MeasureId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "NewStatus" TEXT NULL,
    "NewProgress" INTEGER NULL,
    "AuthorName" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_MeasureStatusUpdates_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MeasureUnit" (
    "MeasureId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    CONSTRAINT "PK_MeasureUnit" PRIMARY KEY ("MeasureId", "OrganizationId"),
    CONSTRAINT "FK_MeasureUnit_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_MeasureUnit_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Milestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Milestones" PRIMARY KEY AUTOINCREMENT,
    "MeasureId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "DoneDate" TEXT NULL,
    "RemindedAt" INTEGER NULL,
    CONSTRAINT "FK_Milestones_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProgrammeBookings" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProgrammeBookings" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "MeasureId" INTEGER NULL,
    "Purpose" TEXT NOT NULL,
    "CommittedCents" INTEGER NOT NULL,
    "SpentCents" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ProgrammeBookings_Measures_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "Measures" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ContributionFlags" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContributionFlags" PRIMARY KEY AUTOINCREMENT,
    "ContributionId" INTEGER NOT NULL,
    "BrowserHash" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ContributionFlags_Contributions_ContributionId" FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContributionSupports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContributionSupports" PRIMARY KEY AUTOINCREMENT,
    "ContributionId" INTEGER NOT NULL,
    "BrowserHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ContributionSupports_Contributions_ContributionId" FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContributionAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ContributionAnswers" PRIMARY KEY AUTOINCREMENT,
    "ContributionId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "FK_ContributionAnswers_Contributions_ContributionId" FOREIGN KEY ("ContributionId") REFERENCES "Contributions" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ContributionAnswers_InputCallQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "InputCallQuestions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LabRegistrations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_LabRegistrations" PRIMARY KEY AUTOINCREMENT,
    "LabId" INTEGER NOT NULL,
    "InvitationId" INTEGER NOT NULL,
    "AgeBand" TEXT NOT NULL,
    "Gender" TEXT NOT NULL,
    "Answers" TEXT NULL,
    "Availability" TEXT NULL,
    "AccessibilityNeeds" TEXT NULL,
    "Contact" TEXT NOT NULL,
    "RegisteredAt" INTEGER NOT NULL,
    CONSTRAINT "FK_LabRegistrations_LabInvitations_InvitationId" FOREIGN KEY ("InvitationId") REFERENCES "LabInvitations" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_LabRegistrations_Labs_LabId" FOREIGN KEY ("LabId") REFERENCES "Labs" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PanelOutcomes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PanelOutcomes" PRIMARY KEY AUTOINCREMENT,
    "SelectionId" INTEGER NOT NULL,
    "RespondentId" TEXT NOT NULL,
    "Probability" REAL NOT NULL,
    "OnPanel" INTEGER NOT NULL,
    "ReserveRank" INTEGER NULL,
    "DroppedOutAt" INTEGER NULL,
    "ReplacesRespondentId" TEXT NULL,
    CONSTRAINT "FK_PanelOutcomes_PanelSelections_SelectionId" FOREIGN KEY ("SelectionId") REFERENCES "PanelSelections" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ConfidentialFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ConfidentialFiles" PRIMARY KEY AUTOINCREMENT,
    "CaseId" INTEGER NOT NULL,
    "MessageId" INTEGER NULL,
    "MediaType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "AddedOn" TEXT NOT NULL,
    "Name" BLOB NOT NULL,
    "Content" BLOB NOT NULL,
    CONSTRAINT "FK_ConfidentialFiles_ConfidentialCases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "ConfidentialCases" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ConfidentialFiles_ConfidentialMessages_MessageId" FOREIGN KEY ("MessageId") REFERENCES "ConfidentialMessages" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CalendarFeeds" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY AUTOINCREMENT,
    "PersonId" INTEGER NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "StampHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_CalendarFeeds_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CalendarFeeds_Persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantAssociationMembers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantAssociationMembers" PRIMARY KEY AUTOINCREMENT,
    "AssociationId" INTEGER NOT NULL,
    "UserId" TEXT NOT NULL,
    "Email" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" INTEGER NULL,
    "EmailConfirmedAt" INTEGER NULL,
    "JoinedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantAssociationMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_GrantAssociationMembers_GrantAssociations_AssociationId" FOREIGN KEY ("AssociationId") REFERENCES "GrantAssociations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgendaItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaItems" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "Number" TEXT NOT NULL,
    "SortKey" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NULL,
    "IsPublic" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_AgendaItems_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Attendances" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attendances" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "MembershipId" INTEGER NULL,
    "RepresentsMembershipId" INTEGER NULL,
    CONSTRAINT "FK_Attendances_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attendances_Memberships_MembershipId" FOREIGN KEY ("MembershipId") REFERENCES "Memberships" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Attendances_Memberships_RepresentsMembershipId" FOREIGN KEY ("RepresentsMembershipId") REFERENCES "Memberships" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Attendances_Persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PaperFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PaperFiles" PRIMARY KEY AUTOINCREMENT,
    "PaperId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "MediaType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha512" TEXT NOT NULL,
    "IsGenerated" INTEGER NOT NULL,
    "AddedAt" INTEGER NOT NULL,
    "AddedBy" TEXT NOT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_PaperFiles_Papers_PaperId" FOREIGN KEY ("PaperId") REFERENCES "Papers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PaperRelations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PaperRelations" PRIMARY KEY AUTOINCREMENT,
    "PaperId" INTEGER NOT NULL,
    "RelatedPaperId" INTEGER NOT NULL,
    CONSTRAINT "FK_PaperRelations_Papers_PaperId" FOREIGN KEY ("PaperId") REFERENCES "Papers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_PaperRelations_Papers_RelatedPaperId" FOREIGN KEY ("RelatedPaperId") REFERENCES "Papers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceCategoryQuestions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceCategoryQuestions" PRIMARY KEY AUTOINCREMENT,
    "CategoryId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Prompt" TEXT NOT NULL,
    "Options" TEXT NULL,
    "Required" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceCategoryQuestions_ServiceCategories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "ServiceCategories" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRequests" PRIMARY KEY AUTOINCREMENT,
    "ReceiptHash" TEXT NOT NULL,
    "CategoryId" INTEGER NOT NULL,
    "Description" TEXT NOT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "Address" TEXT NULL,
    "DistrictId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DuplicateOfId" INTEGER NULL,
    "ForwardedTo" TEXT NULL,
    "ClosedAt" INTEGER NULL,
    "ReporterName" TEXT NULL,
    "ReporterEmail" TEXT NULL,
    "ConfirmTokenHash" TEXT NULL,
    "ConfirmTokenExpiresAt" INTEGER NULL,
    "EmailConfirmedAt" INTEGER NULL,
    "PersonalDataDeletedAt" INTEGER NULL,
    "SupportCount" INTEGER NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    "HiddenReason" TEXT NULL,
    "IsDemo" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceRequests_Districts_DistrictId" FOREIGN KEY ("DistrictId") REFERENCES "Districts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ServiceRequests_ServiceCategories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "ServiceCategories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ServiceRequests_ServiceRequests_DuplicateOfId" FOREIGN KEY ("DuplicateOfId") REFERENCES "ServiceRequests" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "PlaceOpeningExceptions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlaceOpeningExceptions" PRIMARY KEY AUTOINCREMENT,
    "PlaceId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Closed" INTEGER NOT NULL,
    "Opens" TEXT NULL,
    "Closes" TEXT NULL,
    "NextDay" INTEGER NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_PlaceOpeningExceptions_ProtectivePlaces_PlaceId" FOREIGN KEY ("PlaceId") REFERENCES "ProtectivePlaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PlaceOpeningRules" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PlaceOpeningRules" PRIMARY KEY AUTOINCREMENT,
    "PlaceId" INTEGER NOT NULL,
    "Day" INTEGER NOT NULL,
    "Opens" TEXT NOT NULL,
    "Closes" TEXT NOT NULL,
    "NextDay" INTEGER NOT NULL,
    CONSTRAINT "FK_PlaceOpeningRules_ProtectivePlaces_PlaceId" FOREIGN KEY ("PlaceId") REFERENCES "ProtectivePlaces" ("Id") ON DELETE CASCADE
);

CREATE TABLE "FinalReportSuccessors" (
    "MeasureId" INTEGER NOT NULL,
    "SuccessorId" INTEGER NOT NULL,
    CONSTRAINT "PK_FinalReportSuccessors" PRIMARY KEY ("MeasureId", "SuccessorId"),
    CONSTRAINT "FK_FinalReportSuccessors_FinalReportEntries_MeasureId" FOREIGN KEY ("MeasureId") REFERENCES "FinalReportEntries" ("MeasureId") ON DELETE CASCADE,
    CONSTRAINT "FK_FinalReportSuccessors_Measures_SuccessorId" FOREIGN KEY ("SuccessorId") REFERENCES "Measures" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "GrantCriteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantCriteria" PRIMARY KEY AUTOINCREMENT,
    "CallId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Weight" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantCriteria_GrantCalls_CallId" FOREIGN KEY ("CallId") REFERENCES "GrantCalls" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BodyGoals" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BodyGoals" PRIMARY KEY AUTOINCREMENT,
    "OrganizationId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "TargetDate" TEXT NOT NULL,
    "SetOn" TEXT NOT NULL,
    "IndicatorId" INTEGER NULL,
    "TargetValue" TEXT NULL,
    "State" TEXT NOT NULL,
    "StateDate" TEXT NULL,
    "IsPublic" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "UpdatedBy" TEXT NULL,
    CONSTRAINT "FK_BodyGoals_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_BodyGoals_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "IndicatorValues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_IndicatorValues" PRIMARY KEY AUTOINCREMENT,
    "IndicatorId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_IndicatorValues_Indicators_IndicatorId" FOREIGN KEY ("IndicatorId") REFERENCES "Indicators" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AgendaLinks" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AgendaLinks" PRIMARY KEY AUTOINCREMENT,
    "AgendaItemId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "TargetId" INTEGER NULL,
    "Label" TEXT NOT NULL,
    CONSTRAINT "FK_AgendaLinks_AgendaItems_AgendaItemId" FOREIGN KEY ("AgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantApplications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantApplications" PRIMARY KEY AUTOINCREMENT,
    "CallId" INTEGER NOT NULL,
    "AssociationId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ProjectTitle" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "DistrictIds" TEXT NOT NULL,
    "StartsOn" TEXT NULL,
    "EndsOn" TEXT NULL,
    "RequestedCents" INTEGER NOT NULL,
    "CoFundingCents" INTEGER NOT NULL,
    "ContactName" TEXT NULL,
    "ContactEmail" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "ReceiptNumber" TEXT NULL,
    "SubmittedAt" INTEGER NULL,
    "MissingNote" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    "GrantedCents" INTEGER NULL,
    "DecisionAgendaItemId" INTEGER NULL,
    "DecisionReason" TEXT NULL,
    "ProofDueOn" TEXT NULL,
    "ProofReminderSentAt" INTEGER NULL,
    "ContactDeletedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "IsDemo" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantApplications_AgendaItems_DecisionAgendaItemId" FOREIGN KEY ("DecisionAgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GrantApplications_GrantAssociations_AssociationId" FOREIGN KEY ("AssociationId") REFERENCES "GrantAssociations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GrantApplications_GrantCalls_CallId" FOREIGN KEY ("CallId") REFERENCES "GrantCalls" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "MeetingDocuments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MeetingDocuments" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "MediaType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha512" TEXT NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_MeetingDocuments_AgendaItems_AgendaItemId" FOREIGN KEY ("AgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_MeetingDocuments_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Minutes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Minutes" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "CommentDeadline" TEXT NULL,
    "CirculatedAt" INTEGER NULL,
    "ApprovedUnderAgendaItemId" INTEGER NULL,
    "ApprovedAt" INTEGER NULL,
    "ApprovedVersion" INTEGER NULL,
    "PdfDocumentId" INTEGER NULL,
    "DocxDocumentId" INTEGER NULL,
    CONSTRAINT "FK_Minutes_AgendaItems_ApprovedUnderAgendaItemId" FOREIGN KEY ("ApprovedUnderAgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Minutes_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Recommendations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Recommendations" PRIMARY KEY AUTOINCREMENT,
    "MeetingId" INTEGER NOT NULL,
    "AgendaItemId" INTEGER NULL,
    "Title" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "AddresseeKind" TEXT NOT NULL,
    "AddresseeOrganizationId" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "StatusReason" TEXT NULL,
    "AdoptedOn" TEXT NOT NULL,
    "IsPublic" INTEGER NOT NULL,
    CONSTRAINT "FK_Recommendations_AgendaItems_AgendaItemId" FOREIGN KEY ("AgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Recommendations_Meetings_MeetingId" FOREIGN KEY ("MeetingId") REFERENCES "Meetings" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Recommendations_Organizations_AddresseeOrganizationId" FOREIGN KEY ("AddresseeOrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Votes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Votes" PRIMARY KEY AUTOINCREMENT,
    "AgendaItemId" INTEGER NOT NULL,
    "Subject" TEXT NOT NULL,
    "Yes" INTEGER NOT NULL,
    "No" INTEGER NOT NULL,
    "Abstain" INTEGER NOT NULL,
    "IsRollCall" INTEGER NOT NULL,
    "VotingSeats" INTEGER NOT NULL,
    "VotingPresent" INTEGER NOT NULL,
    "QuorumReached" INTEGER NOT NULL,
    "Resolution" TEXT NULL,
    "Adopted" INTEGER NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Votes_AgendaItems_AgendaItemId" FOREIGN KEY ("AgendaItemId") REFERENCES "AgendaItems" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PaperFileContents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_PaperFileContents" PRIMARY KEY,
    "Data" BLOB NOT NULL,
    CONSTRAINT "FK_PaperFileContents_PaperFiles_Id" FOREIGN KEY ("Id") REFERENCES "PaperFiles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceRequestAnswers" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRequestAnswers" PRIMARY KEY AUTOINCREMENT,
    "ServiceRequestId" INTEGER NOT NULL,
    "QuestionId" INTEGER NOT NULL,
    "Value" TEXT NOT NULL,
    CONSTRAINT "FK_ServiceRequestAnswers_ServiceCategoryQuestions_QuestionId" FOREIGN KEY ("QuestionId") REFERENCES "ServiceCategoryQuestions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ServiceRequestAnswers_ServiceRequests_ServiceRequestId" FOREIGN KEY ("ServiceRequestId") REFERENCES "ServiceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceRequestPhotos" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRequestPhotos" PRIMARY KEY AUTOINCREMENT,
    "ServiceRequestId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Jpeg" BLOB NOT NULL,
    "Width" INTEGER NOT NULL,
    "Height" INTEGER NOT NULL,
    "Moderation" TEXT NOT NULL,
    "ModeratedAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceRequestPhotos_ServiceRequests_ServiceRequestId" FOREIGN KEY ("ServiceRequestId") REFERENCES "ServiceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceRequestSupports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRequestSupports" PRIMARY KEY AUTOINCREMENT,
    "ServiceRequestId" INTEGER NOT NULL,
    "BrowserHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_ServiceRequestSupports_ServiceRequests_ServiceRequestId" FOREIGN KEY ("ServiceRequestId") REFERENCES "ServiceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ServiceRequestUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ServiceRequestUpdates" PRIMARY KEY AUTOINCREMENT,
    "ServiceRequestId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "ByUserId" TEXT NULL,
    "ByName" TEXT NOT NULL,
    "MailedAt" INTEGER NULL,
    CONSTRAINT "FK_ServiceRequestUpdates_ServiceRequests_ServiceRequestId" FOREIGN KEY ("ServiceRequestId") REFERENCES "ServiceRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BodyMilestones" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BodyMilestones" PRIMARY KEY AUTOINCREMENT,
    "BodyGoalId" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "DueDate" TEXT NOT NULL,
    "DoneDate" TEXT NULL,
    CONSTRAINT "FK_BodyMilestones_BodyGoals_BodyGoalId" FOREIGN KEY ("BodyGoalId") REFERENCES "BodyGoals" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Consultations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Consultations" PRIMARY KEY AUTOINCREMENT,
    "PaperId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Authoritative" INTEGER NOT NULL,
    "AgendaLinkId" INTEGER NULL,
    "Result" TEXT NULL,
    "ResultDate" TEXT NULL,
    "Created" INTEGER NOT NULL,
    "Modified" INTEGER NOT NULL,
    CONSTRAINT "FK_Consultations_AgendaLinks_AgendaLinkId" FOREIGN KEY ("AgendaLinkId") REFERENCES "AgendaLinks" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Consultations_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Consultations_Papers_PaperId" FOREIGN KEY ("PaperId") REFERENCES "Papers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantBudgetLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantBudgetLines" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "Position" INTEGER NOT NULL,
    "Label" TEXT NOT NULL,
    "AmountCents" INTEGER NOT NULL,
    "SpentCents" INTEGER NULL,
    CONSTRAINT "FK_GrantBudgetLines_GrantApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "GrantApplications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantFiles" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantFiles" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "IsReceipt" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "MediaType" TEXT NOT NULL,
    "Sha512" TEXT NOT NULL,
    "Length" INTEGER NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    CONSTRAINT "FK_GrantFiles_GrantApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "GrantApplications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantPayments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantPayments" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "IsReturn" INTEGER NOT NULL,
    "AmountCents" INTEGER NOT NULL,
    "On" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantPayments_GrantApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "GrantApplications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantProofsOfUse" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantProofsOfUse" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Activities" TEXT NOT NULL,
    "Reach" INTEGER NOT NULL,
    "SubmittedAt" INTEGER NOT NULL,
    "OfficeNote" TEXT NULL,
    "DecidedAt" INTEGER NULL,
    CONSTRAINT "FK_GrantProofsOfUse_GrantApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "GrantApplications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantReviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantReviews" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "ReviewerId" TEXT NOT NULL,
    "Conflict" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantReviews_AspNetUsers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GrantReviews_GrantApplications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "GrantApplications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "DocumentContents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DocumentContents" PRIMARY KEY,
    "Data" BLOB NOT NULL,
    CONSTRAINT "FK_DocumentContents_MeetingDocuments_Id" FOREIGN KEY ("Id") REFERENCES "MeetingDocuments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MinutesComments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MinutesComments" PRIMARY KEY AUTOINCREMENT,
    "MinutesId" INTEGER NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "AuthorUserId" TEXT NULL,
    "Text" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "FK_MinutesComments_Minutes_MinutesId" FOREIGN KEY ("MinutesId") REFERENCES "Minutes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MinutesVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MinutesVersions" PRIMARY KEY AUTOINCREMENT,
    "MinutesId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "Introduction" TEXT NULL,
    "ItemNotes" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "AuthorName" TEXT NOT NULL,
    CONSTRAINT "FK_MinutesVersions_Minutes_MinutesId" FOREIGN KEY ("MinutesId") REFERENCES "Minutes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RecommendationField" (
    "RecommendationId" INTEGER NOT NULL,
    "FieldOfActionId" INTEGER NOT NULL,
    CONSTRAINT "PK_RecommendationField" PRIMARY KEY ("RecommendationId", "FieldOfActionId"),
    CONSTRAINT "FK_RecommendationField_FieldsOfAction_FieldOfActionId" FOREIGN KEY ("FieldOfActionId") REFERENCES "FieldsOfAction" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RecommendationField_Recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES "Recommendations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RecommendationTakeUps" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RecommendationTakeUps" PRIMARY KEY AUTOINCREMENT,
    "RecommendationId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "TargetId" INTEGER NOT NULL,
    CONSTRAINT "FK_RecommendationTakeUps_Recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES "Recommendations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RecommendationUpdates" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RecommendationUpdates" PRIMARY KEY AUTOINCREMENT,
    "RecommendationId" INTEGER NOT NULL,
    "Date" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "AuthorName" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_RecommendationUpdates_Recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES "Recommendations" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RollCallVotes" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RollCallVotes" PRIMARY KEY AUTOINCREMENT,
    "VoteId" INTEGER NOT NULL,
    "MembershipId" INTEGER NOT NULL,
    "PersonId" INTEGER NOT NULL,
    "Choice" TEXT NOT NULL,
    CONSTRAINT "FK_RollCallVotes_Memberships_MembershipId" FOREIGN KEY ("MembershipId") REFERENCES "Memberships" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RollCallVotes_Persons_PersonId" FOREIGN KEY ("PersonId") REFERENCES "Persons" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RollCallVotes_Votes_VoteId" FOREIGN KEY ("VoteId") REFERENCES "Votes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantScores" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "Value" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantScores_GrantCriteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "GrantCriteria" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_GrantScores_GrantReviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "GrantReviews" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AgendaItems_MeetingId_Number" ON "AgendaItems" ("MeetingId", "Number");

CREATE INDEX "IX_AgendaItems_Modified" ON "AgendaItems" ("Modified");

CREATE INDEX "IX_AgendaLinks_AgendaItemId" ON "AgendaLinks" ("AgendaItemId");

CREATE INDEX "IX_AgendaLinks_Kind_TargetId" ON "AgendaLinks" ("Kind", "TargetId");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_DepartmentId" ON "AspNetUsers" ("DepartmentId");

CREATE UNIQUE INDEX "IX_AspNetUsers_PersonId" ON "AspNetUsers" ("PersonId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_Attendances_MeetingId_PersonId" ON "Attendances" ("MeetingId", "PersonId");

CREATE INDEX "IX_Attendances_MembershipId" ON "Attendances" ("MembershipId");

CREATE INDEX "IX_Attendances_PersonId" ON "Attendances" ("PersonId");

CREATE INDEX "IX_Attendances_RepresentsMembershipId" ON "Attendances" ("RepresentsMembershipId");

CREATE INDEX "IX_AuditEntries_Action" ON "AuditEntries" ("Action");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE UNIQUE INDEX "IX_BackgroundTasks_Lane" ON "BackgroundTasks" ("Lane") WHERE "State" IN (0, 1);

CREATE INDEX "IX_BackgroundTasks_State" ON "BackgroundTasks" ("State");

CREATE INDEX "IX_Bodies_Modified" ON "Bodies" ("Modified");

CREATE UNIQUE INDEX "IX_Bodies_SeedKey" ON "Bodies" ("SeedKey");

CREATE INDEX "IX_BodyGoals_IndicatorId" ON "BodyGoals" ("IndicatorId");

CREATE INDEX "IX_BodyGoals_OrganizationId" ON "BodyGoals" ("OrganizationId");

CREATE INDEX "IX_BodyMilestones_BodyGoalId" ON "BodyMilestones" ("BodyGoalId");

CREATE INDEX "IX_BodyMilestones_DoneDate_DueDate" ON "BodyMilestones" ("DoneDate", "DueDate");

CREATE INDEX "IX_BodyReports_OrganizationId_AsOf" ON "BodyReports" ("OrganizationId", "AsOf");

CREATE UNIQUE INDEX "IX_CalendarFeeds_PersonId" ON "CalendarFeeds" ("PersonId");

CREATE UNIQUE INDEX "IX_CalendarFeeds_TokenHash" ON "CalendarFeeds" ("TokenHash");

CREATE INDEX "IX_CalendarFeeds_UserId" ON "CalendarFeeds" ("UserId");

CREATE INDEX "IX_ConfidentialCases_DistrictId" ON "ConfidentialCases" ("DistrictId");

CREATE UNIQUE INDEX "IX_ConfidentialCases_Number" ON "ConfidentialCases" ("Number");

CREATE INDEX "IX_ConfidentialCases_Unit_Status_ReceivedOn" ON "ConfidentialCases" ("Unit", "Status", "ReceivedOn");

CREATE INDEX "IX_ConfidentialFiles_CaseId" ON "ConfidentialFiles" ("CaseId");

CREATE INDEX "IX_ConfidentialFiles_MessageId" ON "ConfidentialFiles" ("MessageId");

CREATE INDEX "IX_ConfidentialMessages_CaseId" ON "ConfidentialMessages" ("CaseId");

CREATE INDEX "IX_ConfidentialNotes_CaseId" ON "ConfidentialNotes" ("CaseId");

CREATE INDEX "IX_Consultations_AgendaLinkId" ON "Consultations" ("AgendaLinkId");

CREATE INDEX "IX_Consultations_Modified" ON "Consultations" ("Modified");

CREATE INDEX "IX_Consultations_OrganizationId" ON "Consultations" ("OrganizationId");

CREATE UNIQUE INDEX "IX_Consultations_PaperId_Position" ON "Consultations" ("PaperId", "Position");

CREATE UNIQUE INDEX "IX_ContributionAnswers_ContributionId_QuestionId" ON "ContributionAnswers" ("ContributionId", "QuestionId");

CREATE INDEX "IX_ContributionAnswers_QuestionId" ON "ContributionAnswers" ("QuestionId");

CREATE UNIQUE INDEX "IX_ContributionFlags_ContributionId_BrowserHash" ON "ContributionFlags" ("ContributionId", "BrowserHash");

CREATE UNIQUE INDEX "IX_Contributions_ConfirmTokenHash" ON "Contributions" ("ConfirmTokenHash");

CREATE INDEX "IX_Contributions_InputCallId_Moderation_SubmittedAt" ON "Contributions" ("InputCallId", "Moderation", "SubmittedAt");

CREATE UNIQUE INDEX "IX_Contributions_ReceiptHash" ON "Contributions" ("ReceiptHash");

CREATE UNIQUE INDEX "IX_ContributionSupports_ContributionId_BrowserHash" ON "ContributionSupports" ("ContributionId", "BrowserHash");

CREATE UNIQUE INDEX "IX_DistrictBoundaries_DistrictId" ON "DistrictBoundaries" ("DistrictId");

CREATE INDEX "IX_Districts_Modified" ON "Districts" ("Modified");

CREATE UNIQUE INDEX "IX_Districts_SeedKey" ON "Districts" ("SeedKey");

CREATE UNIQUE INDEX "IX_EnforcementOfficers_Pseudonym" ON "EnforcementOfficers" ("Pseudonym");

CREATE UNIQUE INDEX "IX_EnforcementOfficers_ServiceNumber" ON "EnforcementOfficers" ("ServiceNumber");

CREATE UNIQUE INDEX "IX_EnforcementOfficers_UserId" ON "EnforcementOfficers" ("UserId");

CREATE INDEX "IX_FieldOfActionVersions_NodeId_ValidFrom" ON "FieldOfActionVersions" ("NodeId", "ValidFrom");

CREATE INDEX "IX_FieldOfActionVersions_ValidFrom" ON "FieldOfActionVersions" ("ValidFrom");

CREATE INDEX "IX_FieldReviews_FieldOfActionId_ReviewedOn" ON "FieldReviews" ("FieldOfActionId", "ReviewedOn");

CREATE INDEX "IX_FieldsOfAction_ParentId" ON "FieldsOfAction" ("ParentId");

CREATE UNIQUE INDEX "IX_FieldsOfAction_SeedKey" ON "FieldsOfAction" ("SeedKey");

CREATE INDEX "IX_FinalReportSuccessors_SuccessorId" ON "FinalReportSuccessors" ("SuccessorId");

CREATE INDEX "IX_ForceIncidents_DistrictId" ON "ForceIncidents" ("DistrictId");

CREATE INDEX "IX_ForceIncidents_OccurredAt" ON "ForceIncidents" ("OccurredAt");

CREATE INDEX "IX_ForceIncidents_OfficerId" ON "ForceIncidents" ("OfficerId");

CREATE INDEX "IX_ForceIncidents_SignedOffAt_SignOffBy" ON "ForceIncidents" ("SignedOffAt", "SignOffBy");

CREATE INDEX "IX_GazetteerAddresses_StreetKey_HouseKey" ON "GazetteerAddresses" ("StreetKey", "HouseKey");

CREATE UNIQUE INDEX "IX_GrantApplications_AssociationId_CallId" ON "GrantApplications" ("AssociationId", "CallId");

CREATE INDEX "IX_GrantApplications_CallId_Status" ON "GrantApplications" ("CallId", "Status");

CREATE INDEX "IX_GrantApplications_DecisionAgendaItemId" ON "GrantApplications" ("DecisionAgendaItemId");

CREATE UNIQUE INDEX "IX_GrantApplications_ReceiptNumber" ON "GrantApplications" ("ReceiptNumber");

CREATE INDEX "IX_GrantApplications_Status_ProofDueOn" ON "GrantApplications" ("Status", "ProofDueOn");

CREATE INDEX "IX_GrantAssociationMembers_AssociationId" ON "GrantAssociationMembers" ("AssociationId");

CREATE UNIQUE INDEX "IX_GrantAssociationMembers_ConfirmTokenHash" ON "GrantAssociationMembers" ("ConfirmTokenHash");

CREATE UNIQUE INDEX "IX_GrantAssociationMembers_UserId" ON "GrantAssociationMembers" ("UserId");

CREATE UNIQUE INDEX "IX_GrantAssociations_InviteCodeHash" ON "GrantAssociations" ("InviteCodeHash");

CREATE UNIQUE INDEX "IX_GrantBudgetLines_ApplicationId_Position" ON "GrantBudgetLines" ("ApplicationId", "Position");

CREATE INDEX "IX_GrantCalls_MeasureId" ON "GrantCalls" ("MeasureId");

CREATE INDEX "IX_GrantCalls_PublishedAt_Deadline" ON "GrantCalls" ("PublishedAt", "Deadline");

CREATE UNIQUE INDEX "IX_GrantCriteria_CallId_Position" ON "GrantCriteria" ("CallId", "Position");

CREATE INDEX "IX_GrantFiles_ApplicationId" ON "GrantFiles" ("ApplicationId");

CREATE INDEX "IX_GrantPayments_ApplicationId" ON "GrantPayments" ("ApplicationId");

CREATE UNIQUE INDEX "IX_GrantProofsOfUse_ApplicationId" ON "GrantProofsOfUse" ("ApplicationId");

CREATE UNIQUE INDEX "IX_GrantReviews_ApplicationId_ReviewerId" ON "GrantReviews" ("ApplicationId", "ReviewerId");

CREATE INDEX "IX_GrantReviews_ReviewerId" ON "GrantReviews" ("ReviewerId");

CREATE INDEX "IX_GrantScores_CriterionId" ON "GrantScores" ("CriterionId");

CREATE UNIQUE INDEX "IX_GrantScores_ReviewId_CriterionId" ON "GrantScores" ("ReviewId", "CriterionId");

CREATE UNIQUE INDEX "IX_HalfYearReportEditions_ReportId_Version" ON "HalfYearReportEditions" ("ReportId", "Version");

CREATE INDEX "IX_Indicators_FieldOfActionId" ON "Indicators" ("FieldOfActionId");

CREATE INDEX "IX_Indicators_MeasureId" ON "Indicators" ("MeasureId");

CREATE INDEX "IX_Indicators_OrganizationId" ON "Indicators" ("OrganizationId");

CREATE UNIQUE INDEX "IX_IndicatorValues_IndicatorId_Date" ON "IndicatorValues" ("IndicatorId", "Date");

CREATE INDEX "IX_InputCallQuestions_InputCallId_Position" ON "InputCallQuestions" ("InputCallId", "Position");

CREATE INDEX "IX_InputCalls_OpensAt" ON "InputCalls" ("OpensAt");

CREATE UNIQUE INDEX "IX_Invitations_TokenHash" ON "Invitations" ("TokenHash");

CREATE UNIQUE INDEX "IX_InviteeDraws_LabId" ON "InviteeDraws" ("LabId");

CREATE UNIQUE INDEX "IX_JobRuns_FireInstanceId" ON "JobRuns" ("FireInstanceId");

CREATE UNIQUE INDEX "IX_LabInvitations_CodeHash" ON "LabInvitations" ("CodeHash");

CREATE UNIQUE INDEX "IX_LabInvitations_LabId_RowIndex" ON "LabInvitations" ("LabId", "RowIndex");

CREATE INDEX "IX_LabPlaces_LabId" ON "LabPlaces" ("LabId");

CREATE INDEX "IX_LabRecommendations_FieldOfActionId" ON "LabRecommendations" ("FieldOfActionId");

CREATE INDEX "IX_LabRecommendations_LabId" ON "LabRecommendations" ("LabId");

CREATE INDEX "IX_LabRecommendations_MeasureId" ON "LabRecommendations" ("MeasureId");

CREATE INDEX "IX_LabRecommendations_NewFieldOfActionId" ON "LabRecommendations" ("NewFieldOfActionId");

CREATE UNIQUE INDEX "IX_LabRegistrations_InvitationId" ON "LabRegistrations" ("InvitationId");

CREATE INDEX "IX_LabRegistrations_LabId" ON "LabRegistrations" ("LabId");

CREATE UNIQUE INDEX "IX_Labs_Year_Quarter" ON "Labs" ("Year", "Quarter") WHERE "HistorySource" IS NULL;

CREATE UNIQUE INDEX "IX_LoginThrottles_Key" ON "LoginThrottles" ("Key");

CREATE INDEX "IX_MeasureDistrict_DistrictId" ON "MeasureDistrict" ("DistrictId");

CREATE INDEX "IX_Measures_FieldOfActionId" ON "Measures" ("FieldOfActionId");

CREATE INDEX "IX_Measures_SourceLinkKind_SourceLinkId" ON "Measures" ("SourceLinkKind", "SourceLinkId");

CREATE INDEX "IX_Measures_Status" ON "Measures" ("Status");

CREATE INDEX "IX_MeasureStatusUpdates_MeasureId_Date" ON "MeasureStatusUpdates" ("MeasureId", "Date");

CREATE INDEX "IX_MeasureUnit_OrganizationId" ON "MeasureUnit" ("OrganizationId");

CREATE INDEX "IX_MeetingDocuments_AgendaItemId" ON "MeetingDocuments" ("AgendaItemId");

CREATE INDEX "IX_MeetingDocuments_MeetingId" ON "MeetingDocuments" ("MeetingId");

CREATE INDEX "IX_MeetingDocuments_Modified" ON "MeetingDocuments" ("Modified");

CREATE UNIQUE INDEX "IX_Meetings_CalendarUid" ON "Meetings" ("CalendarUid");

CREATE INDEX "IX_Meetings_Modified" ON "Meetings" ("Modified");

CREATE INDEX "IX_Meetings_OrganizationId_Start" ON "Meetings" ("OrganizationId", "Start");

CREATE INDEX "IX_Meetings_Start" ON "Meetings" ("Start");

CREATE INDEX "IX_Memberships_DeputyForId" ON "Memberships" ("DeputyForId");

CREATE INDEX "IX_Memberships_Modified" ON "Memberships" ("Modified");

CREATE INDEX "IX_Memberships_OnBehalfOfId" ON "Memberships" ("OnBehalfOfId");

CREATE INDEX "IX_Memberships_OrganizationId_StartDate_EndDate" ON "Memberships" ("OrganizationId", "StartDate", "EndDate");

CREATE INDEX "IX_Memberships_PersonId" ON "Memberships" ("PersonId");

CREATE INDEX "IX_Milestones_DoneDate_DueDate" ON "Milestones" ("DoneDate", "DueDate");

CREATE INDEX "IX_Milestones_MeasureId" ON "Milestones" ("MeasureId");

CREATE INDEX "IX_Minutes_ApprovedUnderAgendaItemId" ON "Minutes" ("ApprovedUnderAgendaItemId");

CREATE UNIQUE INDEX "IX_Minutes_MeetingId" ON "Minutes" ("MeetingId");

CREATE INDEX "IX_MinutesComments_MinutesId" ON "MinutesComments" ("MinutesId");

CREATE UNIQUE INDEX "IX_MinutesVersions_MinutesId_Number" ON "MinutesVersions" ("MinutesId", "Number");

CREATE UNIQUE INDEX "IX_Open311Clients_KeyHash" ON "Open311Clients" ("KeyHash");

CREATE INDEX "IX_Organizations_DistrictId" ON "Organizations" ("DistrictId");

CREATE INDEX "IX_Organizations_Kind" ON "Organizations" ("Kind");

CREATE INDEX "IX_Organizations_Modified" ON "Organizations" ("Modified");

CREATE INDEX "IX_Organizations_ParentId" ON "Organizations" ("ParentId");

CREATE UNIQUE INDEX "IX_Organizations_SeedKey" ON "Organizations" ("SeedKey");

CREATE INDEX "IX_OutboxMails_NextAttemptAt" ON "OutboxMails" ("NextAttemptAt");

CREATE UNIQUE INDEX "IX_PanelOutcomes_SelectionId_RespondentId" ON "PanelOutcomes" ("SelectionId", "RespondentId");

CREATE UNIQUE INDEX "IX_PanelSelections_LabId" ON "PanelSelections" ("LabId");

CREATE INDEX "IX_PaperFiles_Modified" ON "PaperFiles" ("Modified");

CREATE INDEX "IX_PaperFiles_PaperId" ON "PaperFiles" ("PaperId");

CREATE UNIQUE INDEX "IX_PaperRelations_PaperId_RelatedPaperId" ON "PaperRelations" ("PaperId", "RelatedPaperId");

CREATE INDEX "IX_PaperRelations_RelatedPaperId" ON "PaperRelations" ("RelatedPaperId");

CREATE INDEX "IX_Papers_AmendsPaperId" ON "Papers" ("AmendsPaperId");

CREATE INDEX "IX_Papers_Date" ON "Papers" ("Date");

CREATE INDEX "IX_Papers_Modified" ON "Papers" ("Modified");

CREATE UNIQUE INDEX "IX_Papers_Reference" ON "Papers" ("Reference");

CREATE INDEX "IX_Papers_ResponsibleOrganizationId" ON "Papers" ("ResponsibleOrganizationId");

CREATE UNIQUE INDEX "IX_Papers_SeedKey" ON "Papers" ("SeedKey");

CREATE UNIQUE INDEX "IX_PasswordResetRequests_TokenHash" ON "PasswordResetRequests" ("TokenHash");

CREATE INDEX "IX_PasswordResetRequests_UserId" ON "PasswordResetRequests" ("UserId");

CREATE INDEX "IX_Persons_Modified" ON "Persons" ("Modified");

CREATE INDEX "IX_PlaceEvents_Ends" ON "PlaceEvents" ("Ends");

CREATE INDEX "IX_PlaceOpeningExceptions_Date" ON "PlaceOpeningExceptions" ("Date");

CREATE INDEX "IX_PlaceOpeningExceptions_PlaceId_Date" ON "PlaceOpeningExceptions" ("PlaceId", "Date");

CREATE INDEX "IX_PlaceOpeningRules_PlaceId_Day" ON "PlaceOpeningRules" ("PlaceId", "Day");

CREATE INDEX "IX_ProgrammeBookings_MeasureId" ON "ProgrammeBookings" ("MeasureId");

CREATE INDEX "IX_ProgrammeBookings_Year" ON "ProgrammeBookings" ("Year");

CREATE INDEX "IX_ProtectivePlaceMaterialOrders_SentAt_OrderedAt" ON "ProtectivePlaceMaterialOrders" ("SentAt", "OrderedAt");

CREATE INDEX "IX_ProtectivePlaceMaterialOrders_VenueId" ON "ProtectivePlaceMaterialOrders" ("VenueId");

CREATE INDEX "IX_ProtectivePlaces_DistrictId" ON "ProtectivePlaces" ("DistrictId");

CREATE INDEX "IX_ProtectivePlaces_EventId" ON "ProtectivePlaces" ("EventId");

CREATE INDEX "IX_ProtectivePlaces_IsPublic_Latitude" ON "ProtectivePlaces" ("IsPublic", "Latitude");

CREATE UNIQUE INDEX "IX_ProtectivePlaces_VenueId" ON "ProtectivePlaces" ("VenueId");

CREATE UNIQUE INDEX "IX_ProtectivePlaceVenueReconfirmations_ConfirmTokenHash" ON "ProtectivePlaceVenueReconfirmations" ("ConfirmTokenHash");

CREATE INDEX "IX_ProtectivePlaceVenueReconfirmations_VenueId" ON "ProtectivePlaceVenueReconfirmations" ("VenueId");

CREATE UNIQUE INDEX "IX_ProtectivePlaceVenues_ConfirmTokenHash" ON "ProtectivePlaceVenues" ("ConfirmTokenHash");

CREATE INDEX "IX_ProtectivePlaceVenues_DistrictId" ON "ProtectivePlaceVenues" ("DistrictId");

CREATE INDEX "IX_ProtectivePlaceVenues_Status_ConfirmedUntil" ON "ProtectivePlaceVenues" ("Status", "ConfirmedUntil");

CREATE UNIQUE INDEX "IX_ReceiptFeedbacks_ReceiptId" ON "ReceiptFeedbacks" ("ReceiptId");

CREATE INDEX "IX_RecommendationField_FieldOfActionId" ON "RecommendationField" ("FieldOfActionId");

CREATE INDEX "IX_Recommendations_AddresseeOrganizationId" ON "Recommendations" ("AddresseeOrganizationId");

CREATE INDEX "IX_Recommendations_AgendaItemId" ON "Recommendations" ("AgendaItemId");

CREATE INDEX "IX_Recommendations_MeetingId" ON "Recommendations" ("MeetingId");

CREATE INDEX "IX_Recommendations_Status" ON "Recommendations" ("Status");

CREATE INDEX "IX_RecommendationTakeUps_Kind_TargetId" ON "RecommendationTakeUps" ("Kind", "TargetId");

CREATE UNIQUE INDEX "IX_RecommendationTakeUps_RecommendationId_Kind_TargetId" ON "RecommendationTakeUps" ("RecommendationId", "Kind", "TargetId");

CREATE INDEX "IX_RecommendationUpdates_RecommendationId" ON "RecommendationUpdates" ("RecommendationId");

CREATE UNIQUE INDEX "IX_RegisterEntries_LabId_RowIndex" ON "RegisterEntries" ("LabId", "RowIndex");

CREATE INDEX "IX_RollCallVotes_MembershipId" ON "RollCallVotes" ("MembershipId");

CREATE INDEX "IX_RollCallVotes_PersonId" ON "RollCallVotes" ("PersonId");

CREATE UNIQUE INDEX "IX_RollCallVotes_VoteId_MembershipId" ON "RollCallVotes" ("VoteId", "MembershipId");

CREATE UNIQUE INDEX "IX_RulesOfProcedure_OrganizationId_Version" ON "RulesOfProcedure" ("OrganizationId", "Version");

CREATE INDEX "IX_SeatLots_Signature" ON "SeatLots" ("Signature");

CREATE UNIQUE INDEX "IX_ServiceCategories_Code" ON "ServiceCategories" ("Code");

CREATE INDEX "IX_ServiceCategories_DepartmentId" ON "ServiceCategories" ("DepartmentId");

CREATE INDEX "IX_ServiceCategories_FieldOfActionId" ON "ServiceCategories" ("FieldOfActionId");

CREATE UNIQUE INDEX "IX_ServiceCategories_SeedKey" ON "ServiceCategories" ("SeedKey");

CREATE INDEX "IX_ServiceCategoryQuestions_CategoryId_Position" ON "ServiceCategoryQuestions" ("CategoryId", "Position");

CREATE UNIQUE INDEX "IX_ServiceRequestAlerts_ConfirmTokenHash" ON "ServiceRequestAlerts" ("ConfirmTokenHash");

CREATE INDEX "IX_ServiceRequestAlerts_DistrictId" ON "ServiceRequestAlerts" ("DistrictId");

CREATE INDEX "IX_ServiceRequestAlerts_Email_DistrictId" ON "ServiceRequestAlerts" ("Email", "DistrictId");

CREATE UNIQUE INDEX "IX_ServiceRequestAlerts_UnsubscribeToken" ON "ServiceRequestAlerts" ("UnsubscribeToken");

CREATE INDEX "IX_ServiceRequestAnswers_QuestionId" ON "ServiceRequestAnswers" ("QuestionId");

CREATE UNIQUE INDEX "IX_ServiceRequestAnswers_ServiceRequestId_QuestionId" ON "ServiceRequestAnswers" ("ServiceRequestId", "QuestionId");

CREATE INDEX "IX_ServiceRequestPhotos_Moderation" ON "ServiceRequestPhotos" ("Moderation");

CREATE UNIQUE INDEX "IX_ServiceRequestPhotos_ServiceRequestId_Position" ON "ServiceRequestPhotos" ("ServiceRequestId", "Position");

CREATE INDEX "IX_ServiceRequests_CategoryId_Status_Created" ON "ServiceRequests" ("CategoryId", "Status", "Created");

CREATE UNIQUE INDEX "IX_ServiceRequests_ConfirmTokenHash" ON "ServiceRequests" ("ConfirmTokenHash");

CREATE INDEX "IX_ServiceRequests_Created" ON "ServiceRequests" ("Created");

CREATE INDEX "IX_ServiceRequests_DistrictId_Created" ON "ServiceRequests" ("DistrictId", "Created");

CREATE INDEX "IX_ServiceRequests_DuplicateOfId" ON "ServiceRequests" ("DuplicateOfId");

CREATE INDEX "IX_ServiceRequests_Modified" ON "ServiceRequests" ("Modified");

CREATE INDEX "IX_ServiceRequests_PersonalDataDeletedAt_ClosedAt" ON "ServiceRequests" ("PersonalDataDeletedAt", "ClosedAt");

CREATE UNIQUE INDEX "IX_ServiceRequests_ReceiptHash" ON "ServiceRequests" ("ReceiptHash");

CREATE UNIQUE INDEX "IX_ServiceRequestSupports_ServiceRequestId_BrowserHash" ON "ServiceRequestSupports" ("ServiceRequestId", "BrowserHash");

CREATE INDEX "IX_ServiceRequestUpdates_ServiceRequestId_At" ON "ServiceRequestUpdates" ("ServiceRequestId", "At");

CREATE UNIQUE INDEX "IX_StopReceipts_CodeHash" ON "StopReceipts" ("CodeHash");

CREATE INDEX "IX_StopReceipts_DistrictId" ON "StopReceipts" ("DistrictId");

CREATE INDEX "IX_StopReceipts_OccurredAt" ON "StopReceipts" ("OccurredAt");

CREATE INDEX "IX_StopReceipts_OfficerId_CreatedAt" ON "StopReceipts" ("OfficerId", "CreatedAt");

CREATE INDEX "IX_Tombstones_EntityType_Deleted" ON "Tombstones" ("EntityType", "Deleted");

CREATE UNIQUE INDEX "IX_Tombstones_EntityType_EntityId" ON "Tombstones" ("EntityType", "EntityId");

CREATE INDEX "IX_UserSessions_ExpiresAt" ON "UserSessions" ("ExpiresAt");

CREATE INDEX "IX_UserSessions_UserId" ON "UserSessions" ("UserId");

CREATE INDEX "IX_Votes_AgendaItemId" ON "Votes" ("AgendaItemId");

CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'The audit log is append-only.'); END;

CREATE VIRTUAL TABLE "ServiceRequestPoints" USING rtree("Id", "MinLatitude", "MaxLatitude", "MinLongitude", "MaxLongitude");

INSERT INTO "ServiceRequestPoints" SELECT "Id", "Latitude", "Latitude", "Longitude", "Longitude" FROM "ServiceRequests";

CREATE TRIGGER service_request_points_insert AFTER INSERT ON "ServiceRequests" BEGIN
    INSERT INTO "ServiceRequestPoints" VALUES (new."Id", new."Latitude", new."Latitude", new."Longitude", new."Longitude");
END;

CREATE TRIGGER service_request_points_update AFTER UPDATE OF "Latitude", "Longitude" ON "ServiceRequests" BEGIN
    UPDATE "ServiceRequestPoints" SET "MinLatitude" = new."Latitude", "MaxLatitude" = new."Latitude",
        "MinLongitude" = new."Longitude", "MaxLongitude" = new."Longitude" WHERE "Id" = new."Id";
END;

CREATE TRIGGER service_request_points_delete AFTER DELETE ON "ServiceRequests" BEGIN
    DELETE FROM "ServiceRequestPoints" WHERE "Id" = old."Id";
END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206140846_Initial', '10.0.15');

COMMIT;

