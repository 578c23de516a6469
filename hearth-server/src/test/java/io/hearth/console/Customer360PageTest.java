package io.hearth.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.hearth.console.ConsoleSignInTest.Browser;
import io.hearth.privacy.PrivacyManagement;
import io.hearth.profiles.CustomerProfile;
import io.hearth.profiles.Merge;
import io.hearth.profiles.ProfileManagement;
import io.hearth.shared.Scope;
import io.hearth.tenancy.TenantManagement;
import io.hearth.testing.Api;
import io.hearth.testing.HearthTest;
import io.hearth.testing.TestTenants;
import io.hearth.testing.TestTenants.TestTenant;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The customer pages over plain HTTP: unknown and foreign ids, search, and who may undo a merge. */
@HearthTest
class Customer360PageTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTenants tenants;

    @Autowired
    TenantManagement tenantManagement;

    @Autowired
    ProfileManagement profiles;

    @Autowired
    PrivacyManagement privacy;

    TestTenant shop;
    Browser admin;

    @BeforeEach
    void setUp() {
        shop = tenants.create();
        admin = new Browser("http://localhost:" + port);
        admin.signIn(shop.adminKey());
    }

    @Test
    void anUnknownCustomerGetsAFriendlyNotFoundPage() {
        HttpResponse<String> page = admin.get("/console/customers/00000000-0000-0000-0000-000000000000");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("No such customer", "id=\"customer-search\"");
    }

    @Test
    void anotherShopsCustomerIsJustAsUnknown() {
        TestTenant rival = tenants.create();
        CustomerProfile rivals = new CustomerStory(new Api(port), rival, profiles, privacy).adaShops();

        HttpResponse<String> page = admin.get("/console/customers/" + rivals.customerId());
        HttpResponse<String> timeline = admin.get("/console/customers/" + rivals.customerId() + "/timeline");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("No such customer").doesNotContain("ada@example.com", "Order Completed");
        assertThat(timeline.statusCode()).isEqualTo(404);
        assertThat(timeline.body()).doesNotContain("Order Completed");
    }

    @Test
    void aSearchFindsTheCustomerByAnyIdentifierOrSaysThereIsNone() {
        CustomerProfile ada = new CustomerStory(new Api(port), shop, profiles, privacy).adaShops();

        for (String identifier : List.of("ada%40example.com", "ada", "anon-ada")) {
            assertThat(admin.get("/console/customers?q=" + identifier).headers().firstValue("Location"))
                    .as(identifier)
                    .hasValueSatisfying(to -> assertThat(to).endsWith("/console/customers/" + ada.customerId()));
        }
        HttpResponse<String> none = admin.get("/console/customers?q=%3Cb%3Eeve%3C%2Fb%3E");
        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(none.body())
                .contains("id=\"no-customer\"", "&lt;b&gt;eve&lt;/b&gt;")
                .doesNotContain("<b>eve");
    }

    @Test
    void aReadOnlyKeySeesNoUndoButtonAndAForgedUndoIsRefused() {
        CustomerStory story = new CustomerStory(new Api(port), shop, profiles, privacy);
        story.adaShops();
        CustomerProfile merged = story.adaSignsInOnHerTablet();
        Merge merge = profiles.merges(shop.id(), merged.customerId()).getFirst();
        String read = tenantManagement
                .createApiKey(shop.id(), "analyst", Set.of(Scope.READ), null)
                .secret();
        Browser analyst = new Browser(admin.base);
        analyst.signIn(read);

        HttpResponse<String> page = analyst.get("/console/customers/" + merged.customerId());
        HttpResponse<String> forged = analyst.postForm(
                "/console/customers/" + merge.absorbed() + "/unmerge", "_csrf=" + analyst.csrfFrom(page.body()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("in effect").doesNotContain("Undo merge");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(profiles.merges(shop.id(), merged.customerId()).getFirst().undone())
                .isEmpty();
        assertThat(admin.get("/console/customers/" + merged.customerId()).body())
                .contains("Undo merge");
    }

    @Test
    void undoingAMergeTakesTheFormsToken() {
        CustomerStory story = new CustomerStory(new Api(port), shop, profiles, privacy);
        story.adaShops();
        CustomerProfile merged = story.adaSignsInOnHerTablet();
        Merge merge = profiles.merges(shop.id(), merged.customerId()).getFirst();

        HttpResponse<String> withoutToken = admin.postForm("/console/customers/" + merge.absorbed() + "/unmerge", "");
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        String token = admin.csrfFrom(
                admin.get("/console/customers/" + merged.customerId()).body());
        HttpResponse<String> undone =
                admin.postForm("/console/customers/" + merge.absorbed() + "/unmerge", "_csrf=" + token);
        assertThat(undone.statusCode()).isEqualTo(302);
        assertThat(undone.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/console/customers/" + merge.survivor()));
        assertThat(profiles.merges(shop.id(), merge.survivor()).getFirst().undone())
                .isPresent();
    }
}
