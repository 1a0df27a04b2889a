package io.restmachine.orm.examples;

import io.restmachine.orm.Page;
import io.restmachine.orm.Repository;
import java.util.ArrayList;
import java.util.List;

/** Cursor-based pagination: pages of up to 100 users, each resuming right after the last. */
public final class Pagination {
    private Pagination() {}

    /** Creates 250 users on an in-memory engine and prints each page. */
    public static void main(String[] args) {
        InMemoryEngine.run(backend -> {
            Repository<User> users = backend.repository(User.class);
            for (int i = 0; i < 250; i++) {
                users.create(new User("user-" + i, "user" + i + "@example.com", "User " + i));
            }
            run(users).forEach(page -> System.out.println(page.items().size() + " users, cursor " + page.cursor()));
        });
    }

    /** Reads every user page by page; returns the pages. */
    public static List<Page<User>> run(Repository<User> users) {
        List<Page<User>> pages = new ArrayList<>();

        // First page
        Page<User> page = users.where().limit(100).paginate();
        pages.add(page);

        // Next pages
        while (page.cursor() != null) {
            page = users.where().limit(100).cursor(page.cursor()).paginate();
            pages.add(page);
        }
        return pages;
    }
}
