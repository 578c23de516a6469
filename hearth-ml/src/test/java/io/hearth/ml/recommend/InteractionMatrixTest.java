package io.hearth.ml.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionMatrixTest {

    @Test
    void mapsIdsDenselyAndMergesRepeats() {
        InteractionMatrix matrix = InteractionMatrix.of(List.of(
                new Interaction(50, 300, 1f, 10),
                new Interaction(10, 200, 2f, 20),
                new Interaction(50, 100, 1f, 30),
                new Interaction(50, 300, 3f, 40)));

        assertThat(matrix.userCount()).isEqualTo(2);
        assertThat(matrix.itemCount()).isEqualTo(3);
        assertThat(matrix.size()).isEqualTo(3);
        int user50 = matrix.users().indexOf(50);
        assertThat(matrix.itemsOf(user50))
                .containsExactly(matrix.items().indexOf(100), matrix.items().indexOf(300));
        int item300 = matrix.items().indexOf(300);
        int position = matrix.userStart[user50] + 1;
        assertThat(matrix.userValues[position]).isEqualTo(4f);
        assertThat(matrix.userTimes[position]).isEqualTo(40L);
        assertThat(matrix.userCountOf(item300)).isEqualTo(1);
        assertThat(matrix.itemValues[matrix.itemStart[item300]]).isEqualTo(4f);
        assertThat(matrix.users().indexOf(999)).isEqualTo(-1);
    }

    @Test
    void byItemStorageIsTheTransposeOfByUser() {
        InteractionMatrix matrix = InteractionMatrix.of(
                List.of(Interaction.of(1, 1), Interaction.of(2, 1), Interaction.of(2, 2), Interaction.of(3, 2)));
        int item1 = matrix.items().indexOf(1);
        int item2 = matrix.items().indexOf(2);
        assertThat(matrix.userCountOf(item1)).isEqualTo(2);
        assertThat(matrix.userCountOf(item2)).isEqualTo(2);
        assertThat(matrix.itemUsers).containsExactly(0, 1, 1, 2);
    }

    @Test
    void dropsInteractionsOutsideFixedIndices() {
        IdIndex users = IdIndex.of(new int[] {1});
        IdIndex items = IdIndex.of(new int[] {5, 6});
        InteractionMatrix matrix = InteractionMatrix.of(
                List.of(Interaction.of(1, 5), Interaction.of(2, 5), Interaction.of(1, 7)), users, items);
        assertThat(matrix.size()).isEqualTo(1);
        assertThat(matrix.userCountOf(items.indexOf(6))).isZero();
    }
}
