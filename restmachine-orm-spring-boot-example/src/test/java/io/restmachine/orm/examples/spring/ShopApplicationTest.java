package io.restmachine.orm.examples.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.restmachine.orm.spring.test.FreshDynamoDBTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The REST service end to end through MockMvc, on the embedded engine with a fresh table per test. */
@SpringBootTest
@AutoConfigureMockMvc
@FreshDynamoDBTable
class ShopApplicationTest {
    @Autowired
    MockMvc mvc;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void signUp_order_andReadTheOverviewInOneCollectionRead() throws Exception {
        mvc.perform(post("/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"alice\",\"email\":\"alice@example.com\",\"name\":\"Alice\"}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/users/alice/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"o1\",\"total\":12.5}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.userId").value("alice"));
        mvc.perform(post("/users/alice/orders")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"orderId\":\"o2\",\"total\":3}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/users/alice/orders/o1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(12.5));
        mvc.perform(get("/users/alice/overview"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.user.name").value("Alice"))
                .andExpect(jsonPath("$.orders[*].orderId").value(org.hamcrest.Matchers.contains("o1", "o2")));
    }

    @Test
    void aDuplicateSignUp_isAConflict_andUnknownUsersAreNotFound() throws Exception {
        String alice = "{\"id\":\"alice\",\"email\":\"alice@example.com\",\"name\":\"Alice\"}";
        mvc.perform(post("/users").contentType(MediaType.APPLICATION_JSON).content(alice))
                .andExpect(status().isCreated());
        mvc.perform(post("/users").contentType(MediaType.APPLICATION_JSON).content(alice))
                .andExpect(status().isConflict());
        mvc.perform(get("/users/bob")).andExpect(status().isNotFound());
        mvc.perform(get("/users/bob/overview")).andExpect(status().isNotFound());
    }

    @Test
    void actuator_showsTheTablesHealth_andTheRepositoryMeters() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.dynamoDB.status").value("UP"))
                .andExpect(jsonPath("$.components.dynamoDB.details.table").value("shop"))
                .andExpect(jsonPath("$.components.dynamoDB.details.status").value("ACTIVE"));

        double before = userGets();
        mvc.perform(get("/users/bob")).andExpect(status().isNotFound());
        org.assertj.core.api.Assertions.assertThat(userGets()).isEqualTo(before + 1);
        mvc.perform(get("/actuator/metrics/restmachine.orm.requests")
                        .param("tag", "entity:User")
                        .param("tag", "operation:get"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.availableTags[?(@.tag == 'outcome')].values[*]")
                        .value(org.hamcrest.Matchers.hasItem("success")));
        mvc.perform(get("/actuator/metrics/restmachine.orm.consumed.capacity").param("tag", "operation:GetItem"))
                .andExpect(status().isOk());
    }

    private double userGets() {
        var timer = meters.find("restmachine.orm.requests")
                .tag("entity", "User")
                .tag("operation", "get")
                .timer();
        return timer == null ? 0 : timer.count();
    }
}
